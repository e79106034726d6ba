using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>"Roll back to revision N" makes a change set that goes through review like any other.</summary>
public sealed class RollbackChangeSetTests(PublishingPortal portal) : IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task CreateAsync_EarlierRevision_SubmitsAChangeSetWithItsDocumentOnLiveThatPublishesOnlyOnceApproved()
    {
        var (_, older) = await portal.ApprovedAsync(PlanSteps.Caching("/older/*"));
        await portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(older.Id)).DeploymentId);
        var (_, newer) = await portal.ApprovedAsync(PlanSteps.Caching("/newer/*"));
        await portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(newer.Id)).DeploymentId);
        var requester = await portal.UserAsync("Approver");

        var created = Assert.IsType<ChangeSetResult.Saved>(await portal.WithAsync(s => s.GetRequiredService<RollbackChangeSets>().CreateAsync(requester, "local", older.Id)));

        var rollback = created.ChangeSet.Summary;
        Assert.Equal($"Roll back to revision {older.Number}", rollback.Title);
        Assert.Equal(ChangeSetState.InReview, rollback.State);
        Assert.Equal(newer.Id, rollback.BaseRevisionId);
        Assert.Equal(newer.Id, await portal.LiveRevisionIdAsync());
        var selfApproval = await portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(requester, rollback.Id, rollback.Version, null));
        Assert.IsType<ChangeSetResult.Forbidden>(selfApproval);

        var approver = await portal.UserAsync("Approver");
        PlanSteps.Saved(await portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, rollback.Id, rollback.Version, "back it goes")));
        var revision = await portal.RevisionOfAsync(rollback.Id);
        var deployment = await portal.FinishedAsync(Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(revision.Id)).DeploymentId);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal(revision.Id, await portal.LiveRevisionIdAsync());
        Assert.Equal(older.Sha256, revision.Sha256);
    }

    [Fact]
    public async Task CreateAsync_LiveRevision_IsRefused()
    {
        var requester = await portal.UserAsync("Approver");
        var live = (await portal.LiveRevisionIdAsync())!.Value;

        var result = await portal.WithAsync(s => s.GetRequiredService<RollbackChangeSets>().CreateAsync(requester, "local", live));

        Assert.EndsWith("is live already; there is nothing to roll back.", Assert.IsType<ChangeSetResult.Invalid>(result).Message, StringComparison.Ordinal);
        await using var db = await portal.DbAsync();
        Assert.False(await db.ChangeSets.AnyAsync(c => c.Title.StartsWith("Roll back") && c.AuthorName == requester.Identity!.Name));
    }
}

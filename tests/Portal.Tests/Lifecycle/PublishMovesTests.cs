using System.Security.Claims;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Lifecycle;

/// <summary>Publishing moves the change set its revision came from, as the lifecycle table says. Each test has its own portal.</summary>
public sealed class PublishMovesTests
{
    [Fact]
    public async Task Publish_FailsThenSucceedsOnceFixedAndApprovedAgain_ChangeSetFailedThenPublished()
    {
        await using var portal = new PublishingPortal();
        // A behaviour the local distribution does not have: the approved plan names it, and the publish fails on it.
        await SetCacheBehavioursAsync(portal, "[\"/video/*\"]");
        var (changeSetId, revisionId, approver, author) = await ApprovedAsync(portal);

        var failed = await PublishAsync(portal, approver, revisionId);
        var afterFailure = await StateAsync(portal, changeSetId);
        await SetCacheBehavioursAsync(portal, "[]");
        // The fix changed the target's settings, so the approval no longer holds: back to review and approved again.
        var refused = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", revisionId));
        var current = (await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().GetAsync(changeSetId)))!;
        var withdrawn = await ApprovalsScenario.SavedAsync(portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().WithdrawAsync(author, changeSetId, current.Version)));
        var resubmitted = await ApprovalsScenario.SavedAsync(portal.WithAsync(s => s.GetRequiredService<IChangeSetService>()
            .SubmitAsync(author, changeSetId, withdrawn.Version, ApprovalsScenario.Title, ApprovalsScenario.Description)));
        await ApprovalsScenario.SavedAsync(portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, changeSetId, resubmitted.Version, null)));
        var newRevision = await portal.WithAsync(s => s.GetRequiredService<PortalDbContext>().Revisions
            .Where(r => r.ChangeSetId == changeSetId).OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync());
        var succeeded = await PublishAsync(portal, approver, newRevision);

        Assert.Equal(DeploymentState.Failed, failed.State);
        Assert.Equal(ChangeSetState.Failed, afterFailure);
        Assert.StartsWith("Publishing refused: the approved plan no longer holds.", Assert.IsType<PublishResult.Refused>(refused).Message, StringComparison.Ordinal);
        Assert.Equal(DeploymentState.Succeeded, succeeded.State);
        Assert.Equal(ChangeSetState.Published, await StateAsync(portal, changeSetId));
        var actions = await portal.WithAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents
            .Where(e => e.Subject == $"changeset/{changeSetId}" && e.Actor == "system").Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.ChangeSetPublishFailed, AuditActions.ChangeSetPublished], actions);
    }

    [Fact]
    public async Task Publish_RevisionOfAChangeSetWithdrawnAfterApproval_IsRefused()
    {
        await using var portal = new PublishingPortal();
        var (changeSetId, revisionId, approver, author) = await ApprovedAsync(portal);
        var approved = (await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().GetAsync(changeSetId)))!;
        await ApprovalsScenario.SavedAsync(portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().WithdrawAsync(author, changeSetId, approved.Version)));

        var result = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", revisionId));

        Assert.Equal($"Revision 2 came from change set {changeSetId}, which is a draft; only an approved change set is published.",
            Assert.IsType<PublishResult.Refused>(result).Message);
    }

    private static async Task<(long ChangeSetId, long RevisionId, ClaimsPrincipal Approver, ClaimsPrincipal Author)> ApprovedAsync(PublishingPortal portal)
    {
        var author = await portal.UserAsync("Editor");
        var approver = await portal.UserAsync("Approver");
        var changeSets = (Func<IChangeSetService, Task<ChangeSetResult>> call) => portal.WithAsync(s => call(s.GetRequiredService<IChangeSetService>()));
        var draft = await ApprovalsScenario.SavedAsync(changeSets(s => s.GetOrCreateDraftAsync(author, "local")));
        var saved = await ApprovalsScenario.SavedAsync(changeSets(s => s.SaveDraftAsync(author, draft.Id, ApprovalsScenario.OneRedirect, draft.Version)));
        var submitted = await ApprovalsScenario.SavedAsync(changeSets(s => s.SubmitAsync(author, saved.Id, saved.Version, ApprovalsScenario.Title, ApprovalsScenario.Description)));
        await ApprovalsScenario.SavedAsync(portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, submitted.Id, submitted.Version, null)));
        var revisionId = await portal.WithAsync(s => s.GetRequiredService<PortalDbContext>().Revisions.Where(r => r.ChangeSetId == submitted.Id).Select(r => r.Id).SingleAsync());
        return (submitted.Id, revisionId, approver, author);
    }

    private static async Task<Deployment> PublishAsync(PublishingPortal portal, ClaimsPrincipal approver, long revisionId)
    {
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", revisionId)));
        return await portal.FinishedAsync(queued.DeploymentId);
    }

    private static Task<ChangeSetState> StateAsync(PublishingPortal portal, long changeSetId) =>
        portal.WithAsync(s => s.GetRequiredService<PortalDbContext>().ChangeSets.Where(c => c.Id == changeSetId).Select(c => c.State).SingleAsync());

    private static Task<int> SetCacheBehavioursAsync(PortalDbContext db, string json) =>
        db.Database.ExecuteSqlRawAsync("UPDATE Targets SET CacheBehaviors = {0} WHERE Id = 'local'", json);

    private static Task<int> SetCacheBehavioursAsync(PublishingPortal portal, string json) =>
        portal.WithAsync(s => SetCacheBehavioursAsync(s.GetRequiredService<PortalDbContext>(), json));
}

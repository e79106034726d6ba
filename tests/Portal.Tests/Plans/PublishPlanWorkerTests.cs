using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>The plan checked again by the worker, and a build that changed since approval.</summary>
public sealed class PublishPlanWorkerTests(PlanWorkerPortal fixture) : IClassFixture<PlanWorkerPortal>
{
    [Fact]
    public async Task Worker_LiveMovedWhileQueued_FailsTheDeploymentBeforeAnyAwsWrite()
    {
        var portal = fixture.Portal;
        var (_, first) = await portal.ApprovedAsync(PlanSteps.Caching("/first/*"));
        var second = await portal.SubmittedAsync(PlanSteps.Caching("/second/*"));
        var firstQueued = Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(first.Id));
        // Approved while the first runs: its plan counts the first as something the edge may serve, and still holds when asked.
        var approver = await portal.UserAsync("Approver");
        PlanSteps.Saved(await portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, second.Id, second.Version, "ok")));
        var secondRevision = await portal.RevisionOfAsync(second.Id);
        var secondQueued = Assert.IsType<PublishResult.Queued>(await portal.PublishAsync(secondRevision.Id));
        var versionsBefore = portal.LocalState().Versions.Count;

        var firstDone = await portal.FinishedAsync(firstQueued.DeploymentId);
        var refused = await portal.FinishedAsync(secondQueued.DeploymentId);

        Assert.Equal(DeploymentState.Succeeded, firstDone.State);
        Assert.Equal(DeploymentState.Failed, refused.State);
        Assert.Null(refused.LastFinishedStep);
        Assert.StartsWith("Refused before any change at AWS: the approved plan no longer holds. Live moved since the plan was approved:", refused.Error, StringComparison.Ordinal);
        Assert.Contains($"revision #{first.Number} is live now", refused.Error, StringComparison.Ordinal);
        Assert.Equal(first.Id, await portal.LiveRevisionIdAsync());
        Assert.DoesNotContain(portal.LocalState().Versions.Skip(versionsBefore), v => v.CodeSha256 == refused.Request.CodeSha256);
    }

    [Fact]
    public async Task StartPublishAsync_BuilderChangedAfterApproval_IsRefusedNamingBothCodeSha256()
    {
        var portal = fixture.Portal;
        var (plan, revision) = await portal.ApprovedAsync(PlanSteps.Caching("/builder/*"));
        fixture.Builder.Version = 2;
        try
        {
            var refused = Assert.IsType<PublishResult.Refused>(await portal.PublishAsync(revision.Id));

            Assert.Contains($"The build changed since the plan was approved: a rebuild gives CodeSha256 ", refused.Message, StringComparison.Ordinal);
            Assert.Contains($"the approved plan has {plan.CodeSha256} ({plan.PackageBytes} bytes)", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            fixture.Builder.Version = 1;
        }
    }
}

using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The whole way a change travels: an editor's draft, a second person's approval, a publish to the local target.</summary>
public sealed class EditApprovePublishTests(PublishingPortal portal) : IClassFixture<PublishingPortal>
{
    [Fact]
    public async Task ChangeSet_EditedApprovedAndPublished_IsLiveAndMarkedPublished()
    {
        var editor = await portal.UserAsync("Editor");
        var approver = await portal.UserAsync("Approver");

        var draft = Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(editor, "local")));
        var edited = Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>()
            .SaveDraftAsync(editor, draft.Summary.Id, PublishingTests.SeedExample, draft.Summary.Version)));
        var submitted = Saved(await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>()
            .SubmitAsync(editor, edited.Summary.Id, edited.Summary.Version, ApprovalsScenario.Title, ApprovalsScenario.Description)));

        var selfApproval = await portal.WithAsync(s => s.GetRequiredService<IApprovalService>()
            .ApproveAsync(editor, submitted.Summary.Id, submitted.Summary.Version, "mine"));
        Assert.IsType<ChangeSetResult.Forbidden>(selfApproval);

        var approved = Saved(await portal.WithAsync(s => s.GetRequiredService<IApprovalService>()
            .ApproveAsync(approver, submitted.Summary.Id, submitted.Summary.Version, "looks right")));
        Assert.Equal(ChangeSetState.Approved, approved.Summary.State);
        var revisionId = await portal.WithAsync(async s =>
        {
            var revisions = await s.GetRequiredService<IRevisionService>().ListAsync("local");
            return revisions.Single(r => r.ChangeSetId == submitted.Summary.Id).Id;
        });

        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s =>
            s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", revisionId)));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal(revisionId, await portal.LiveRevisionIdAsync());
        var published = await portal.WithAsync(s => s.GetRequiredService<IChangeSetService>().GetAsync(submitted.Summary.Id));
        Assert.Equal(ChangeSetState.Published, published!.Summary.State);
    }

    private static ChangeSetView Saved(ChangeSetResult result) => Assert.IsType<ChangeSetResult.Saved>(result).ChangeSet;
}

using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Two change sets approved on revision 1; once one is live, publishing the other would undo it.</summary>
public sealed class StaleBasePublishTests
{
    [Fact]
    public async Task StartPublish_ApprovedOnARevisionThatIsNoLongerLive_IsRefusedWithTheSentence()
    {
        await using var portal = new PublishingPortal();
        var approver = await portal.UserAsync("Approver");
        var first = await ApprovedRevisionAsync(portal, ApprovalsScenario.OneRedirect);
        var second = await ApprovedRevisionAsync(portal, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] });
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", second.Id)));
        Assert.Equal(DeploymentState.Succeeded, (await portal.FinishedAsync(queued.DeploymentId)).State);

        var result = await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, "local", first.Id));

        var refused = Assert.IsType<PublishResult.Refused>(result);
        Assert.Contains($"Live moved since the plan was approved: it was based on revision #1, and revision #{second.Number} is live now; the change set must be rebased and approved again.",
            refused.Message, StringComparison.Ordinal);
        Assert.Equal(second.Id, await portal.LiveRevisionIdAsync());
    }

    private static async Task<RevisionSummary> ApprovedRevisionAsync(PublishingPortal portal, RulesDocument document)
    {
        var author = await portal.UserAsync("Editor");
        var approver = await portal.UserAsync("Approver");
        var changeSets = (Func<Func<IChangeSetService, Task<ChangeSetResult>>, Task<ChangeSetView>>)(call =>
            ApprovalsScenario.SavedAsync(portal.WithAsync(s => call(s.GetRequiredService<IChangeSetService>()))));
        var draft = await changeSets(s => s.GetOrCreateDraftAsync(author, "local"));
        var saved = await changeSets(s => s.SaveDraftAsync(author, draft.Id, document, draft.Version));
        var submitted = await changeSets(s => s.SubmitAsync(author, saved.Id, saved.Version, ApprovalsScenario.Title, ApprovalsScenario.Description));
        await ApprovalsScenario.SavedAsync(portal.WithAsync(s => s.GetRequiredService<IApprovalService>().ApproveAsync(approver, submitted.Id, submitted.Version, null)));
        var revisions = await portal.WithAsync(s => s.GetRequiredService<IRevisionService>().ListAsync("local"));
        return revisions.Single(r => r.ChangeSetId == submitted.Id);
    }
}

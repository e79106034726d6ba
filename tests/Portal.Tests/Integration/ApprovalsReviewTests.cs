using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Its own portal per test: moving the live revision must not surprise other tests.</summary>
public sealed class ApprovalsReviewTests
{
    private static readonly RulesDocument _cache = RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] };

    [Fact]
    public async Task GetReview_LiveMovedSinceSubmitted_ComparesWithLiveAndSaysApprovalIsRefused()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author, ApprovalsScenario.OneRedirect);
        await factory.GoLiveAsync(_cache);

        var review = await factory.ApprovalsAsync(s => s.GetReviewAsync(approver, submitted.Id));

        Assert.NotNull(review);
        Assert.True(review.LiveChanged);
        Assert.Equal(2, review.LiveRevision!.Number);
        Assert.Equal(1, review.BaseRevision.Number);
        Assert.Contains(review.ChangesAgainstLive!.Sections, s => s.Section == RuleSection.Cache);
        Assert.DoesNotContain(review.Changes.Sections, s => s.Section == RuleSection.Cache);
        Assert.True(review.Plan.Covers("/api/users"), "the plan must cover the cache rule that live has and the draft drops");
        Assert.Equal($"Change set {submitted.Id} is based on revision 1, but revision 2 is live on local; the author must rebase it first.", review.StaleBase);
    }

    [Fact]
    public async Task Approve_BaseIsNotLive_IsRefusedWithTheSentenceAndChangesNothing()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author, ApprovalsScenario.OneRedirect);
        await factory.GoLiveAsync(_cache);

        var result = await factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, submitted.Version, "fine"));

        var refused = Assert.IsType<ChangeSetResult.Invalid>(result);
        Assert.Equal($"Change set {submitted.Id} is based on revision 1, but revision 2 is live on local; the author must rebase it first.", refused.Message);
        var stored = await factory.ChangeSetsAsync(s => s.GetAsync(submitted.Id));
        Assert.Equal(ChangeSetState.InReview, stored!.State);
        Assert.Equal(submitted.Version, stored.Version);
        Assert.False(await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().Revisions.AnyAsync(r => r.ChangeSetId == submitted.Id)));
    }

    [Fact]
    public async Task Approve_AfterTheAuthorRebasedAndSubmittedAgain_CreatesTheRevisionWithLivesRules()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author, ApprovalsScenario.OneRedirect);
        var live = await factory.GoLiveAsync(_cache);
        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.RebaseAsync(author, submitted.Id, submitted.Version)));
        var again = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.SubmitAsync(author, rebased.Id, rebased.Version, ApprovalsScenario.Title, ApprovalsScenario.Description)));

        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, again.Id, again.Version, null)));

        var revision = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().Revisions.SingleAsync(r => r.ChangeSetId == submitted.Id));
        Assert.Equal(live, revision.ParentRevisionId);
        Assert.Equal(ApprovalsScenario.OneRedirect with { Cache = [LiveMoves.ApiNoStore] }, RulesDocumentJson.Parse(revision.DocumentJson).Document);
    }
}

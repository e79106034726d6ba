using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Its own portal: moving the live revision must not surprise other tests.</summary>
public sealed class ApprovalsReviewTests
{
    [Fact]
    public async Task GetReview_LiveMovedSinceDraftStarted_WarnsAndComparesWithLive()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var other = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var cache = RulesDocument.Empty with { Cache = [new CacheRule { Id = "api", Path = "/api/*", NoStore = true }] };
        var late = await factory.ChangeSetOfAsync(author, ApprovalsScenario.OneRedirect, submit: false);
        var early = await factory.ChangeSetOfAsync(other, cache);
        await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, early.Id, early.Version, null)));
        // Stands in for the publisher, which makes an approved revision live.
        await factory.WithServicesAsync(s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var revision = db.Revisions.Single(r => r.ChangeSetId == early.Id).Id;
            return db.Targets.Where(t => t.Id == "local").ExecuteUpdateAsync(u => u.SetProperty(t => t.LiveRevisionId, revision));
        });
        var submitted = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.SubmitAsync(author, late.Id, late.Version)));

        var review = await factory.ApprovalsAsync(s => s.GetReviewAsync(approver, submitted.Id));

        Assert.NotNull(review);
        Assert.True(review.LiveChanged);
        Assert.Equal(2, review.LiveRevision!.Number);
        Assert.Equal(1, review.BaseRevision.Number);
        Assert.Contains(review.ChangesAgainstLive!.Sections, s => s.Section == RuleSection.Cache);
        Assert.DoesNotContain(review.Changes.Sections, s => s.Section == RuleSection.Cache);
        Assert.True(review.Plan.Covers("/api/users"), "the plan must cover the cache rule that live has and the draft drops");
        Assert.True(review.Decision.Allowed, review.Decision.Reason);
    }
}

using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;
using Xunit.Abstractions;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>Each test has its own portal: moving the live revision must not surprise other tests.</summary>
public sealed class RebaseTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Rebase_TenThousandRuleDraft_CarriesEveryRuleOntoLive()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var catalogue = RulesDocument.Empty with
        {
            Cache = [.. Enumerable.Range(0, 10_000).Select(i => new CacheRule { Id = $"path-{i}", Path = $"/catalogue/{i}/*", MaxAge = 300 })],
        };
        var draft = await factory.ChangeSetOfAsync(author, catalogue, submit: false);
        await factory.GoLiveAsync(LiveMoves.Revision2);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, draft.Version)));
        output.WriteLine($"Rebase of a 10,000-rule draft (read, merge, write, audit): {clock.ElapsedMilliseconds} ms");

        Assert.Equal(LiveMoves.Revision2 with { Cache = catalogue.Cache }, rebased.Document);
    }

    [Fact]
    public async Task Rebase_LiveMovedWithOtherRules_KeepsLiveRulesAndTheChangeAndBasesOnLive()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var draft = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] }, submit: false);
        var live = await factory.GoLiveAsync(LiveMoves.Revision2);

        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, draft.Version)));

        Assert.Equal(LiveMoves.Revision2 with { Cache = [LiveMoves.ApiNoStore] }, rebased.Document);
        Assert.Equal(live, rebased.Summary.BaseRevisionId);
        Assert.Equal(rebased.Document, (await factory.ChangeSetsAsync(s => s.GetAsync(draft.Id)))!.Document);
        Assert.Equal(AuditActions.ChangeSetRebased, (await factory.AuditActionsAsync(draft.Id))[^1]);
    }

    [Fact]
    public async Task Rebase_SameFieldChangedOnBothSides_StoresNothingAndNamesTheConflict()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var mine = RulesDocument.Empty with { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["FR"] } };
        var draft = await factory.ChangeSetOfAsync(author, mine, submit: false);
        await factory.GoLiveAsync(LiveMoves.Revision2);

        var result = await factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, draft.Version));

        var conflicted = Assert.IsType<ChangeSetResult.MergeConflicted>(result);
        var conflict = Assert.Single(conflicted.Conflicts);
        Assert.Equal("geo/countries", conflict.Key);
        Assert.Equal(new EquatableArray<string>(["DE", "AT"]), conflict.Theirs);
        Assert.Equal(new EquatableArray<string>(["FR"]), conflict.Yours);
        Assert.Equal("Live moved to revision 2; 1 change(s) conflict with it. Choose live's or yours for each.", conflicted.Message);
        var stored = (await factory.ChangeSetsAsync(s => s.GetAsync(draft.Id)))!;
        Assert.Equal(mine, stored.Document);
        Assert.Equal(draft.Summary.BaseRevisionId, stored.Summary.BaseRevisionId);
        Assert.Equal(draft.Version, stored.Version);
    }

    [Fact]
    public async Task Rebase_ChoiceForEveryConflict_SavesTheChoiceWithLivesOtherRules()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var draft = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["FR"] } }, submit: false);
        var live = await factory.GoLiveAsync(LiveMoves.Revision2);

        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s =>
            s.RebaseAsync(author, draft.Id, draft.Version, new Dictionary<string, MergeChoice> { ["geo/countries"] = MergeChoice.Yours })));

        Assert.Equal(LiveMoves.Revision2 with { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["FR"] } }, rebased.Document);
        Assert.Equal(live, rebased.Summary.BaseRevisionId);
    }

    [Fact]
    public async Task Rebase_ChoiceForAConflictThatIsNotThere_IsRefusedNamingIt()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var draft = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["FR"] } }, submit: false);
        await factory.GoLiveAsync(LiveMoves.Revision2);

        var result = await factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, draft.Version, new Dictionary<string, MergeChoice>
        {
            ["geo/countries"] = MergeChoice.Yours,
            ["redirects/ca-home"] = MergeChoice.Yours,
        }));

        var invalid = Assert.IsType<ChangeSetResult.Invalid>(result);
        Assert.Equal("There is no conflict \"redirects/ca-home\" in this merge; merge again and choose anew.", invalid.Message);
    }

    [Fact]
    public async Task Rebase_SubmittedChangeSet_GoesBackToDraftSoItIsReviewedAgain()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var submitted = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] });
        await factory.GoLiveAsync(LiveMoves.Revision2);

        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.RebaseAsync(author, submitted.Id, submitted.Version)));

        Assert.Equal(ChangeSetState.Draft, rebased.State);
    }

    [Fact]
    public async Task Rebase_ApprovedChangeSet_DropsTheApproval()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var approver = await factory.NewUserAsync("Approver");
        var submitted = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] });
        var approved = await ApprovalsScenario.SavedAsync(factory.ApprovalsAsync(s => s.ApproveAsync(approver, submitted.Id, submitted.Version, null)));
        await factory.GoLiveAsync(LiveMoves.Revision2);

        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.RebaseAsync(author, approved.Id, approved.Version)));
        // Back to draft, it is the author's again: only the author (and Admins) read it until it is resubmitted.
        var review = await factory.ApprovalsAsync(s => s.GetReviewAsync(author, approved.Id));
        var approverReview = await factory.ApprovalsAsync(s => s.GetReviewAsync(approver, approved.Id));

        Assert.Equal(ChangeSetState.Draft, rebased.State);
        Assert.Null(approverReview);
        Assert.Null(review!.ApprovedRevision);
        Assert.Null(review.StaleBase);
    }

    [Fact]
    public async Task Rebase_SomeoneElsesChangeSet_IsForbidden()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var other = await factory.NewUserAsync("Editor");
        var draft = await factory.ChangeSetOfAsync(author, submit: false);
        await factory.GoLiveAsync(LiveMoves.Revision2);

        var result = await factory.ChangeSetsAsync(s => s.RebaseAsync(other, draft.Id, draft.Version));

        Assert.Equal($"Only its author ({author.Identity!.Name}) can rebase this change set.", Assert.IsType<ChangeSetResult.Forbidden>(result).Message);
    }

    [Fact]
    public async Task Submit_LiveMovedSinceTheBase_IsRefusedUntilRebased()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var draft = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] }, submit: false);
        await factory.GoLiveAsync(LiveMoves.Revision2);

        var refused = await factory.ChangeSetsAsync(s => s.SubmitAsync(author, draft.Id, draft.Version, ApprovalsScenario.Title, ApprovalsScenario.Description));
        var rebased = await ApprovalsScenario.SavedAsync(factory.ChangeSetsAsync(s => s.RebaseAsync(author, draft.Id, draft.Version)));
        var submitted = await factory.ChangeSetsAsync(s => s.SubmitAsync(author, rebased.Id, rebased.Version, ApprovalsScenario.Title, ApprovalsScenario.Description));

        Assert.Equal("Live moved to revision 2; rebase the change set onto it before submitting.", Assert.IsType<ChangeSetResult.Invalid>(refused).Message);
        Assert.Equal(ChangeSetState.InReview, Assert.IsType<ChangeSetResult.Saved>(submitted).ChangeSet.State);
    }
}

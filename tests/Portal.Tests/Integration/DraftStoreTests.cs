using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The editor's store on the real services; each test has its own portal, as live moves.</summary>
public sealed class DraftStoreTests
{
    [Fact]
    public async Task Open_NoDraftYet_ShowsLiveAndCreatesNoChangeSet()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var editor = factory.EditorOf(author);

        var problem = await editor.OpenAsync("local");

        Assert.Null(problem);
        Assert.Equal(0, await factory.ChangeSetCountAsync(author));
        Assert.Null(editor.ChangeSet);
        Assert.Equal(editor.Live!.Id, editor.Base!.Id);
        Assert.Equal(editor.Live.Document, editor.Session.Document);
    }

    [Fact]
    public async Task Save_FirstChange_CreatesTheChangeSetOnTheRevisionItWasOpenedFrom()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var editor = factory.EditorOf(author);
        await editor.OpenAsync("local");
        editor.Session.AddRule(RuleSection.Cache);

        var saved = await ApprovalsScenario.SavedAsync(editor.SaveAsync());

        Assert.Equal(1, await factory.ChangeSetCountAsync(author));
        Assert.Equal(editor.Live!.Id, saved.Summary.BaseRevisionId);
        Assert.Single(saved.Document.Cache);
        Assert.False(editor.Session.IsDirty);
        Assert.Equal([AuditActions.DraftCreated], await factory.AuditActionsAsync(saved.Id));
    }

    [Fact]
    public async Task Save_LiveMovedWhileEditing_RebasesKeepingLivesRulesAndTheEditAndSaysSo()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var editor = factory.EditorOf(author);
        await editor.OpenAsync("local");
        var live = await factory.GoLiveAsync(LiveMoves.Revision2);
        editor.Session.Replace(editor.Session.Document with { Cache = [LiveMoves.ApiNoStore] });

        await ApprovalsScenario.SavedAsync(editor.SaveAsync());

        var stored = (await factory.ChangeSetsAsync(s => s.GetAsync(editor.ChangeSet!.Id)))!;
        Assert.Equal(LiveMoves.Revision2 with { Cache = [LiveMoves.ApiNoStore] }, stored.Document);
        Assert.Equal(live, stored.Summary.BaseRevisionId);
        Assert.Equal(stored.Document, editor.Session.Document);
        Assert.Equal(LiveMoves.Revision2, editor.Session.BaseDocument);
        Assert.Equal("Live moved to revision 2; your changes were rebased onto it.", editor.Notice);
        Assert.False(editor.LiveMoved);
    }

    [Fact]
    public async Task Open_DraftOnAnOldBase_RebasesIt()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] }, submit: false);
        await factory.GoLiveAsync(LiveMoves.Revision2);
        var editor = factory.EditorOf(author);

        await editor.OpenAsync("local");

        Assert.Equal(LiveMoves.Revision2 with { Cache = [LiveMoves.ApiNoStore] }, editor.Session.Document);
        Assert.Equal(2, editor.Base!.Summary.Number);
        Assert.Equal("Live moved to revision 2; your changes were rebased onto it.", editor.Notice);
    }

    [Fact]
    public async Task Open_SubmittedChangeSetLiveMovedPast_RebasesItBackToDraft()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var submitted = await factory.ChangeSetOfAsync(author, RulesDocument.Empty with { Cache = [LiveMoves.ApiNoStore] });
        await factory.GoLiveAsync(LiveMoves.Revision2);
        var editor = factory.EditorOf(author);

        await editor.OpenAsync("local");

        Assert.Equal(submitted.Id, editor.ChangeSet!.Id);
        Assert.Equal(ChangeSetState.Draft, editor.ChangeSet.State);
        Assert.Equal(LiveMoves.Revision2 with { Cache = [LiveMoves.ApiNoStore] }, editor.Session.Document);
    }

    [Fact]
    public async Task Submit_ConflictWithLive_IsRefusedUntilTheAuthorChoosesAndTheChoiceIsSaved()
    {
        await using var factory = new PortalFactory();
        var author = await factory.NewUserAsync("Editor");
        var editor = factory.EditorOf(author);
        await editor.OpenAsync("local");
        await factory.GoLiveAsync(LiveMoves.Revision2);
        editor.Session.SetGeo(new GeoSettings { Mode = GeoMode.Allow, Countries = ["FR"] });

        var refused = await editor.SubmitAsync(ApprovalsScenario.Title, ApprovalsScenario.Description);

        Assert.IsType<ChangeSetResult.MergeConflicted>(refused);
        Assert.Equal("geo/countries", Assert.Single(editor.Conflicts).Key);
        Assert.True(editor.LiveMoved);
        Assert.Equal(ChangeSetState.Draft, (await factory.ChangeSetsAsync(s => s.GetAsync(editor.ChangeSet!.Id)))!.State);

        await ApprovalsScenario.SavedAsync(editor.ResolveAsync(new Dictionary<string, MergeChoice> { ["geo/countries"] = MergeChoice.Yours }));
        var submitted = await ApprovalsScenario.SavedAsync(editor.SubmitAsync(ApprovalsScenario.Title, ApprovalsScenario.Description));

        Assert.Empty(editor.Conflicts);
        Assert.Equal(ChangeSetState.InReview, submitted.State);
        Assert.Equal(LiveMoves.Revision2 with { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["FR"] } }, submitted.Document);
        Assert.Equal("Live moved to revision 2; your choices were applied and the draft is now based on it.", editor.Notice);
    }
}

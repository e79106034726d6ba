using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class ChangeSetServiceTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private static readonly RulesDocument _oneRedirect = RulesDocument.Empty with
    {
        Redirects = [new RedirectRule { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" }],
    };

    [Fact]
    public async Task SaveDraft_Viewer_IsForbiddenAndNothingChanges()
    {
        var editor = await NewUserAsync("Editor");
        var viewer = await NewUserAsync("Viewer");
        var draft = await DraftOfAsync(editor);

        var result = await ServiceAsync(s => s.SaveDraftAsync(viewer, draft.Id, _oneRedirect, draft.Version));
        var create = await ServiceAsync(s => s.GetOrCreateDraftAsync(viewer, "local"));

        var forbidden = Assert.IsType<ChangeSetResult.Forbidden>(result);
        Assert.Contains("Viewer", forbidden.Message, StringComparison.Ordinal);
        Assert.IsType<ChangeSetResult.Forbidden>(create);
        Assert.Equal(RulesDocument.Empty, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document);
    }

    [Fact]
    public async Task SaveDraft_Editor_SavesAndRecordsAuditEvent()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);

        var result = await ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, _oneRedirect, draft.Version));

        var saved = Assert.IsType<ChangeSetResult.Saved>(result);
        Assert.NotEqual(draft.Version, saved.ChangeSet.Version);
        Assert.Equal(_oneRedirect, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document);
        Assert.Contains(await AuditActionsAsync($"changeset/{draft.Id}"), a => a == AuditActions.DraftSaved);
    }

    [Fact]
    public async Task SaveDraft_StaleVersion_ConflictsAndKeepsFirstSave()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        var other = RulesDocument.Empty with { Cache = [new CacheRule { Id = "api", Path = "/api/*", NoStore = true }] };

        await ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, _oneRedirect, draft.Version));
        var stale = await ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, other, draft.Version));

        var conflict = Assert.IsType<ChangeSetResult.Conflict>(stale);
        Assert.Matches(@"^.+ saved this change set at \d\d:\d\d UTC; reload to see their version\.$", conflict.Message);
        Assert.Equal(editor.Identity!.Name, conflict.SavedBy);
        Assert.Equal(_oneRedirect, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document);
    }

    [Fact]
    public async Task SaveDraft_TwoSavesOfTheSameVersionAtOnce_ExactlyOneWins()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        var other = RulesDocument.Empty with { Cache = [new CacheRule { Id = "api", Path = "/api/*", NoStore = true }] };

        var results = await Task.WhenAll(
            ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, _oneRedirect, draft.Version)),
            ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, other, draft.Version)));

        var winner = Assert.IsType<ChangeSetResult.Saved>(Assert.Single(results, r => r is ChangeSetResult.Saved));
        Assert.IsType<ChangeSetResult.Conflict>(Assert.Single(results, r => r is not ChangeSetResult.Saved));
        Assert.Equal(winner.ChangeSet.Document, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document);
    }

    [Fact]
    public async Task GetOrCreateDraft_TwoEditors_EachWorksOnTheirOwnDraft()
    {
        var ann = await NewUserAsync("Editor");
        var bob = await NewUserAsync("Editor");
        var annDraft = await DraftOfAsync(ann);
        var bobDraft = await DraftOfAsync(bob);

        await ServiceAsync(s => s.SaveDraftAsync(ann, annDraft.Id, _oneRedirect, annDraft.Version));
        var bobOnAnns = await ServiceAsync(s => s.SaveDraftAsync(bob, annDraft.Id, RulesDocument.Empty, annDraft.Version));
        var annAgain = await DraftOfAsync(ann);

        Assert.NotEqual(annDraft.Id, bobDraft.Id);
        Assert.IsType<ChangeSetResult.Forbidden>(bobOnAnns);
        Assert.Equal(annDraft.Id, annAgain.Id);
        Assert.Equal(_oneRedirect, annAgain.Document);
        Assert.Equal(RulesDocument.Empty, (await ServiceAsync(s => s.GetAsync(bobDraft.Id)))!.Document);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"schema\":\"edgeportal.rules/v9\"}")]
    [InlineData("{\"schema\":\"edgeportal.rules/v1\",\"redirect\":[]}")]
    public async Task Import_InvalidDocument_ChangesNothing(string json)
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        var saved = Assert.IsType<ChangeSetResult.Saved>(await ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, _oneRedirect, draft.Version)));

        var result = await ServiceAsync(s => s.ImportAsync(editor, draft.Id, json, saved.ChangeSet.Version));

        var invalid = Assert.IsType<ChangeSetResult.Invalid>(result);
        Assert.NotEmpty(invalid.Problems);
        Assert.Contains("not changed", invalid.Message, StringComparison.Ordinal);
        var after = (await ServiceAsync(s => s.GetAsync(draft.Id)))!;
        Assert.Equal(saved.ChangeSet.Version, after.Version);
        Assert.Equal(_oneRedirect, after.Document);
    }

    [Fact]
    public async Task Import_ValidDocument_ReplacesDraftAndExportGivesItBack()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        const string json = "{\"schema\":\"edgeportal.rules/v1\",\"cache\":[{\"id\":\"api\",\"path\":\"/api/*\",\"noStore\":true}]}";

        var result = await ServiceAsync(s => s.ImportAsync(editor, draft.Id, json, draft.Version));
        var export = await ServiceAsync(s => s.ExportAsync(editor, draft.Id));

        Assert.IsType<ChangeSetResult.Saved>(result);
        Assert.NotNull(export);
        Assert.Contains("\"noStore\": true", export.Json, StringComparison.Ordinal);
        Assert.EndsWith(".json", export.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleEdits_OneRuleAtATime_ChangeOnlyThatRule()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        var first = new CacheRule { Id = "first", Path = "/a/*", MaxAge = 60 };
        var second = new CacheRule { Id = "second", Path = "/b/*", MaxAge = 60 };

        var v1 = await SavedAsync(s => s.AddRuleAsync(editor, draft.Id, RuleSection.Cache, first, null, draft.Version));
        var v2 = await SavedAsync(s => s.AddRuleAsync(editor, draft.Id, RuleSection.Cache, second, null, v1.Version));
        var v3 = await SavedAsync(s => s.UpdateRuleAsync(editor, draft.Id, RuleSection.Cache, 1, second with { MaxAge = 600 }, v2.Version));
        var v4 = await SavedAsync(s => s.MoveRuleAsync(editor, draft.Id, RuleSection.Cache, 1, 0, v3.Version));
        var v5 = await SavedAsync(s => s.DeleteRuleAsync(editor, draft.Id, RuleSection.Cache, 1, v4.Version));

        Assert.Equal([second with { MaxAge = 600 }], v5.Document.Cache);
        Assert.Equal(v5.Document, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document);
    }

    [Fact]
    public async Task UpdateRule_IndexOutOfRangeOrWrongSection_IsInvalidAndChangesNothing()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);

        var missing = await ServiceAsync(s => s.UpdateRuleAsync(editor, draft.Id, RuleSection.Cache, 3, new CacheRule { Id = "x", Path = "/*" }, draft.Version));
        var wrongType = await ServiceAsync(s => s.AddRuleAsync(editor, draft.Id, RuleSection.Cache, new OriginRule { Id = "x", Path = "/*" }, null, draft.Version));

        Assert.Equal("There is no cache rule number 4 in cache (it has 0). Reload the draft.", Assert.IsType<ChangeSetResult.Invalid>(missing).Message);
        Assert.Contains("expected a cache rule", Assert.IsType<ChangeSetResult.Invalid>(wrongType).Message, StringComparison.Ordinal);
        Assert.Equal(draft.Version, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Version);
    }

    [Fact]
    public async Task Submit_ValidDraft_LeavesDraftStateAndNextDraftIsNew()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);

        var submitted = await SavedAsync(s => s.SubmitAsync(editor, draft.Id, draft.Version, ApprovalsScenario.Title, ApprovalsScenario.Description));
        var next = await DraftOfAsync(editor);
        var editAfterSubmit = await ServiceAsync(s => s.SaveDraftAsync(editor, draft.Id, _oneRedirect, submitted.Version));

        Assert.Equal(ChangeSetState.InReview, submitted.State);
        Assert.NotEqual(draft.Id, next.Id);
        Assert.Equal("This change set is in review; it cannot be edited; withdraw it to edit again.", Assert.IsType<ChangeSetResult.Invalid>(editAfterSubmit).Message);
    }

    [Fact]
    public async Task SaveDraft_DocumentWithProblems_IsKeptButCannotBeSubmitted()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        var broken = RulesDocument.Empty with { Redirects = [new RedirectRule { Id = "Bad Id", Path = "no-slash", Location = "http://insecure.example.com/", Status = 299 }] };

        var saved = await SavedAsync(s => s.SaveDraftAsync(editor, draft.Id, broken, draft.Version));
        var submit = await ServiceAsync(s => s.SubmitAsync(editor, draft.Id, saved.Version, ApprovalsScenario.Title, ApprovalsScenario.Description));

        Assert.Equal(broken, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document);
        var invalid = Assert.IsType<ChangeSetResult.Invalid>(submit);
        Assert.Contains(invalid.Problems, p => p.Pointer == "/redirects/0/path");
        Assert.Equal(ChangeSetState.Draft, (await ServiceAsync(s => s.GetAsync(draft.Id)))!.State);
    }

    [Fact]
    public async Task UpdateRule_DraftWith10000Rules_ChangesOnlyThatRule()
    {
        var editor = await NewUserAsync("Editor");
        var draft = await DraftOfAsync(editor);
        var catalogue = RulesDocument.Empty with
        {
            Cache = [.. Enumerable.Range(0, 10_000).Select(i => new CacheRule { Id = $"path-{i}", Path = $"/catalogue/{i}/*", MaxAge = 300 })],
        };
        var loaded = await SavedAsync(s => s.SaveDraftAsync(editor, draft.Id, catalogue, draft.Version));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var edited = await SavedAsync(s => s.UpdateRuleAsync(editor, draft.Id, RuleSection.Cache, 5_000, catalogue.Cache[5_000] with { MaxAge = 60 }, loaded.Version));
        output.WriteLine($"One-rule edit of a 10,000-rule draft (serialise, write, audit): {clock.ElapsedMilliseconds} ms");

        var stored = (await ServiceAsync(s => s.GetAsync(draft.Id)))!.Document;
        Assert.Equal(60, stored.Cache[5_000].MaxAge);
        Assert.Equal(catalogue with { Cache = [.. catalogue.Cache.Select((r, i) => i == 5_000 ? r with { MaxAge = 60 } : r)] }, stored);
        Assert.Equal(edited.Document, stored);
    }

    private async Task<ClaimsPrincipal> NewUserAsync(string role) =>
        await factory.CreateUserAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", role);

    private Task<T> ServiceAsync<T>(Func<IChangeSetService, Task<T>> call) =>
        factory.WithServicesAsync(s => call(s.GetRequiredService<IChangeSetService>()));

    private async Task<ChangeSetView> SavedAsync(Func<IChangeSetService, Task<ChangeSetResult>> call) =>
        Assert.IsType<ChangeSetResult.Saved>(await ServiceAsync(call)).ChangeSet;

    private Task<ChangeSetView> DraftOfAsync(ClaimsPrincipal user) => SavedAsync(s => s.GetOrCreateDraftAsync(user, "local"));

    private Task<List<string>> AuditActionsAsync(string subject) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.Where(a => a.Subject == subject).Select(a => a.Action).ToListAsync());
}

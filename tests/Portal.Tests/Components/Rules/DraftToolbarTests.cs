using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class DraftToolbarTests : RuleEditorTestContext
{
    private readonly ScriptedChangeSets _changeSets = new();

    public DraftToolbarTests()
    {
        AddAuthorization().SetAuthorized("editor@example.com");
        Services.AddSingleton<IChangeSetService>(_changeSets);
        Services.AddSingleton<ITargetService>(_changeSets);
        Services.AddSingleton<IRevisionService>(_changeSets);
        Services.AddScoped<DraftStore>();
    }

    [Fact]
    public async Task DraftToolbar_StaleSave_ExplainsTheConflictAndReloads()
    {
        var store = Services.GetRequiredService<DraftStore>();
        await store.OpenAsync("local");
        var dialogs = RenderDialogs();
        var toolbar = Render<DraftToolbar>();
        store.Session.AddRule(RuleSection.Redirects);
        _changeSets.NextSave = new ChangeSetResult.Conflict("colleague@example.com", new DateTimeOffset(2026, 11, 27, 4, 30, 0, TimeSpan.Zero),
            Guid.NewGuid(), "Someone else saved this change set.");
        _changeSets.Stored = _changeSets.Stored with { Document = new RulesDocument { Cache = [new CacheRule { Id = "theirs", Path = "/*" }] } };

        toolbar.Find("[data-action=save]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("colleague@example.com saved this change set at 04:30:00", dialogs.Markup, StringComparison.Ordinal));

        Assert.True(store.Session.IsDirty);
        dialogs.Find("[data-action=reload]").Click();

        toolbar.WaitForAssertion(() => Assert.Equal(["theirs"], store.Session.Document.Cache.Select(r => r.Id)));
        Assert.Empty(store.Session.Document.Redirects);
        Assert.False(store.Session.IsDirty);
    }

    [Fact]
    public async Task DraftToolbar_StaleSaveKeepEditing_KeepsTheEdits()
    {
        var store = Services.GetRequiredService<DraftStore>();
        await store.OpenAsync("local");
        var dialogs = RenderDialogs();
        var toolbar = Render<DraftToolbar>();
        store.Session.AddRule(RuleSection.Redirects);
        _changeSets.NextSave = new ChangeSetResult.Conflict("colleague@example.com", DateTimeOffset.UnixEpoch, Guid.NewGuid(), "Conflict.");

        toolbar.Find("[data-action=save]").Click();
        dialogs.WaitForElement("[data-action=keep-editing]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-role=conflict-dialog]")));
        Assert.Single(store.Session.Document.Redirects);
        Assert.True(store.Session.IsDirty);
    }

    [Fact]
    public async Task DraftToolbar_DraftWithProblems_CanBeSavedButNotSubmitted()
    {
        var store = Services.GetRequiredService<DraftStore>();
        await store.OpenAsync("local");
        var toolbar = Render<DraftToolbar>();

        store.Session.AddRule(RuleSection.Redirects); // "https://" alone is not a valid location

        toolbar.WaitForAssertion(() => Assert.False(toolbar.Find("[data-action=save]").HasAttribute("disabled")));
        Assert.True(toolbar.Find("[data-action=submit]").HasAttribute("disabled"));
        Assert.Contains("1 problem", toolbar.Find("[data-role=problem-count]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftToolbar_DiskFullOnSave_SaysSoAndKeepsTheEdits()
    {
        var store = Services.GetRequiredService<DraftStore>();
        await store.OpenAsync("local");
        var snackbars = Render<MudBlazor.MudSnackbarProvider>();
        var toolbar = Render<DraftToolbar>();
        store.Session.AddRule(RuleSection.Redirects);
        _changeSets.NextSaveFailure = new DbUpdateException("An error occurred while saving the entity changes.", new SqliteException("SQLite Error 13: 'database or disk is full'.", 13));

        toolbar.Find("[data-action=save]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains(StorageFailure.Message, snackbars.Markup, StringComparison.Ordinal));
        Assert.Single(store.Session.Document.Redirects);
        Assert.True(store.Session.IsDirty);
        Assert.False(toolbar.Find("[data-action=save]").HasAttribute("disabled"));
    }
}

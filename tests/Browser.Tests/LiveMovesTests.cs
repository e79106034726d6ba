using EdgePortal.Portal.Data;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Issue #10, "Nothing lost when live moves": a draft is open on revision 1 while other changes go live.
/// Saving rebases it onto live, keeping live's rules and the author's change; where both changed the same
/// redirect, the editor shows the conflict and the author's choice is what gets saved.
/// </summary>
public sealed class LiveMovesTests : PortalBrowserTest
{
    private static readonly RedirectRule _ca = new() { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" };

    private static readonly RulesDocument _revision2 = RulesDocument.Empty with
    {
        Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["DE", "AT", "CA", "US"] },
        Redirects = [_ca, new RedirectRule { Id = "us-home", Path = "/*", Countries = ["US"], Location = "https://us.example.com/" }],
    };

    [Fact]
    public async Task Editor_LiveMovesWhileEditing_RebasesAndLetsTheAuthorChooseConflicts()
    {
        await RunScenarioAsync(RebaseAsync, "zz-live-moves-failure");
    }

    private async Task RebaseAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var editor = new EditorPage(page);
        await editor.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await editor.OpenDraftAsync();
        var caption = page.Locator("[data-role=draft-caption]");
        await Assertions.Expect(caption).ToContainTextAsync("New draft, not saved yet · based on revision 1 (live)");
        Assert.Equal(0, await ChangeSetCountAsync());

        await GoLiveAsync(_revision2);
        await editor.TabAsync("Cache");
        await editor.AddRuleAsync();
        await editor.FillAsync("id", "api");
        await editor.FillAsync("path", "/api/*");
        await editor.SaveAsync();

        await Assertions.Expect(page.Locator("[data-role=rebase-notice]")).ToHaveTextAsync("Live moved to revision 2; your changes were rebased onto it.");
        await Assertions.Expect(caption).ToContainTextAsync("based on revision 2");
        await editor.ExpectRuleIdsAsync("api");
        await editor.TabAsync("Redirects");
        await editor.ExpectRuleIdsAsync("ca-home", "us-home");
        await browser.ScreenshotAsync("31-live-moved-rebased");

        await GoLiveAsync(_revision2 with { Redirects = [_ca with { Location = "https://live.example.com/" }, _revision2.Redirects[1]] });
        await page.ClickAsync("tr[data-rule-id=ca-home]");
        await editor.FillAsync("location", "https://mine.example.com/");
        await editor.SaveAsync();

        var row = page.Locator("[data-role=conflict-row][data-key='redirects/ca-home']");
        await Assertions.Expect(row.Locator("[data-role=theirs]")).ToContainTextAsync("https://live.example.com/");
        await Assertions.Expect(row.Locator("[data-role=yours]")).ToContainTextAsync("https://mine.example.com/");
        await Assertions.Expect(row.Locator("[data-role=base]")).ToContainTextAsync("https://ca.example.com/");
        await Assertions.Expect(page.Locator("[data-role=live-moved]")).ToHaveTextAsync("Live moved to revision 3");
        await Assertions.Expect(page.Locator("[data-action=submit]")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("32-live-moved-conflicts");

        await row.Locator("[data-action=keep-mine]").ClickAsync();
        await page.ClickAsync("[data-action=apply-choices]");

        await Assertions.Expect(page.Locator("[data-role=rebase-notice]"))
            .ToHaveTextAsync("Live moved to revision 3; your choices were applied and the draft is now based on it.");
        await Assertions.Expect(page.Locator("[data-role=merge-conflicts]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-action=submit]")).ToBeEnabledAsync();
        var stored = await StoredDraftAsync();
        Assert.Equal(3, stored.BaseNumber);
        Assert.Equal(_revision2 with { Redirects = [_ca with { Location = "https://mine.example.com/" }, _revision2.Redirects[1]], Cache = [new CacheRule { Id = "api", Path = "/api/*", MaxAge = 3600 }] },
            stored.Document);
        await browser.ScreenshotAsync("33-live-moved-resolved");
    }

    /// <summary>Stands in for another author's approved change going live: the next revision, made the target's live one.</summary>
    private async Task GoLiveAsync(RulesDocument document)
    {
        await using var db = Database();
        var live = await db.Targets.Where(t => t.Id == "local").Select(t => t.LiveRevisionId).SingleAsync();
        var revision = new Revision
        {
            TargetId = "local",
            Number = await db.Revisions.Where(r => r.TargetId == "local").MaxAsync(r => r.Number) + 1,
            DocumentJson = RulesDocumentJson.Serialize(document),
            Sha256 = RulesDocumentJson.Sha256(document),
            ParentRevisionId = live,
            AuthorId = "colleague",
            AuthorName = "colleague@example.com",
            CreatedAt = DateTimeOffset.UtcNow,
            Message = "A colleague's change",
        };
        db.Revisions.Add(revision);
        await db.SaveChangesAsync();
        await db.Targets.Where(t => t.Id == "local").ExecuteUpdateAsync(u => u.SetProperty(t => t.LiveRevisionId, revision.Id));
    }

    private async Task<int> ChangeSetCountAsync()
    {
        await using var db = Database();
        return await db.ChangeSets.CountAsync();
    }

    private async Task<(int BaseNumber, RulesDocument Document)> StoredDraftAsync()
    {
        await using var db = Database();
        var draft = await db.ChangeSets.SingleAsync();
        var number = await db.Revisions.Where(r => r.Id == draft.BaseRevisionId).Select(r => r.Number).SingleAsync();
        return (number, RulesDocumentJson.Parse(draft.DocumentJson).Document!);
    }

    private PortalDbContext Database() =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Portal.DatabaseFile};Default Timeout=30").Options);
}

using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Issue #13's test of done: an auditor answers "who let country X see title Y, when, and who approved it" from the
/// audit page, reached from the rule itself.
/// </summary>
public sealed class RuleHistoryTests : PortalBrowserTest
{
    private const string Password = "Browser-Test-Passw0rd!";
    private const string EditorEmail = "editor@example.com";
    private const string ApproverEmail = "approver@example.com";

    [Fact]
    public async Task RuleHistory_FromTheEditor_ShowsWhoChangedItWhenAndWhoApproved()
    {
        await Portal.AddUserAsync(EditorEmail, "Editor", Password);
        await Portal.AddUserAsync(ApproverEmail, "Approver", Password);
        await RunScenarioAsync(async browser =>
        {
            var page = browser.Page;
            var editor = new EditorPage(page);
            await editor.SignInAsync(EditorEmail, Password);
            await editor.OpenDraftAsync();
            await editor.TabAsync("Access");
            await editor.AddRuleAsync();
            await editor.FillAsync("id", "ca-title-1");
            await editor.FillAsync("path", "/title-1/*");
            await editor.AddCountriesAsync("CA");
            await editor.SaveAsync();
            await editor.SubmitAsync();

            await browser.Context.ClearCookiesAsync();
            await editor.SignInAsync(ApproverEmail, Password);
            await page.GotoAsync($"change-sets/{await NewestChangeSetAsync()}");
            await ClickUntilAsync(page, "[data-testid=approve]", "[data-testid=decision-confirm]");
            await page.ClickAsync("[data-testid=decision-confirm]");
            await Assertions.Expect(page.Locator("[data-testid=state-chip]")).ToContainTextAsync("Approved");
            await page.GotoAsync("targets/local");
            await ClickUntilAsync(page, "[data-testid=publish-2]", "[data-testid=confirm-publish]");
            await page.ClickAsync("[data-testid=confirm-publish]");
            await Assertions.Expect(page.Locator("[data-testid=deployment-state]")).ToContainTextAsync("Succeeded", new() { Timeout = 60_000 });

            await editor.OpenRulesAsync();
            await editor.TabAsync("Access");
            await page.ClickAsync("tr[data-rule-id=ca-title-1] [data-role=rule-history]");
            await page.WaitForURLAsync(url => url.Contains("/audit?rule=ca-title-1&target=local", StringComparison.Ordinal));
            await editor.WaitUntilInteractiveAsync();

            var table = page.Locator("[data-testid=audit-table] tbody");
            // The editor's first save creates the draft: that event carries the rule's before and after.
            await Assertions.Expect(table.Locator("tr", new() { HasText = "changeset.created" })).ToContainTextAsync(EditorEmail);
            await Assertions.Expect(table.Locator("tr", new() { HasText = "changeset.approved" })).ToContainTextAsync(ApproverEmail);
            await Assertions.Expect(table.Locator("tr", new() { HasText = "publish.succeeded" })).ToHaveCountAsync(1);
            await table.Locator("tr", new() { HasText = "changeset.created" }).ClickAsync();
            var details = page.Locator("[data-testid=audit-details]");
            await Assertions.Expect(details.Locator("[data-testid=audit-details-who]")).ToContainTextAsync(EditorEmail);
            await Assertions.Expect(details.Locator("[data-rule-history=ca-title-1]")).ToBeVisibleAsync();
            await Assertions.Expect(details.Locator("pre")).ToContainTextAsync("\"CA\"");
            await Assertions.Expect(details.Locator("[data-link=changeset]")).ToBeVisibleAsync();
            await browser.ScreenshotAsync("audit-10-rule-history");
        }, "audit-rule-history-failure");
    }

    // These pages do not mark when their circuit is up; a click on the prerendered page does nothing, so click again.
    private static async Task ClickUntilAsync(IPage page, string button, string appears)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await page.ClickAsync(button);
            try
            {
                await page.Locator(appears).WaitForAsync(new() { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
                // Not interactive yet.
            }
        }
        throw new TimeoutException($"Clicking {button} never showed {appears}.");
    }

    private async Task<long> NewestChangeSetAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Portal.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(Id) FROM ChangeSets";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

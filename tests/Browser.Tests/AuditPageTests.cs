using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>The audit page's Verify in a real browser: intact, then after an event was changed straight in SQLite.</summary>
public sealed class AuditPageTests : PortalBrowserTest
{
    [Fact]
    public async Task Verify_EventChangedInSqlite_PageNamesTheFirstEventThatDiffers()
    {
        await RunScenarioAsync(async browser =>
        {
            var page = new EditorPage(browser.Page);
            await page.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
            await browser.Page.GotoAsync("audit");
            await page.WaitUntilInteractiveAsync();

            await browser.Page.ClickAsync("[data-testid=verify]");
            await Assertions.Expect(browser.Page.Locator("[data-testid=verify-result]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ events, chain intact\.$"));
            await Assertions.Expect(browser.Page.Locator("[data-testid=verify-note]").First).ToContainTextAsync("No checkpoint has been written yet");
            await browser.ScreenshotAsync("audit-01-intact");

            var changed = await ChangeSignInEventAsync(Path.Combine(Portal.DataDirectory, "edgeportal.db"));
            await browser.Page.ClickAsync("[data-testid=verify]");

            await Assertions.Expect(browser.Page.Locator("[data-testid=verify-result]")).ToContainTextAsync($"Event #{changed} (account.login) differs from what was sealed");
            await Assertions.Expect(browser.Page.Locator("[data-testid=verify-first-bad]")).ToHaveTextAsync($"First event that differs: #{changed} (account.login)");
            await browser.ScreenshotAsync("audit-02-changed");
        }, "audit-failure");
    }

    private static async Task<long> ChangeSignInEventAsync(string databaseFile)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE AuditEvents SET Actor = 'someone-else@example.com' WHERE Id = (SELECT MIN(Id) FROM AuditEvents WHERE Action = 'account.login') RETURNING Id";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

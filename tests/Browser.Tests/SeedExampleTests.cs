using System.Text.Json;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// The seed example built in a real browser against the real portal: sign in, geo, two redirects (with the
/// http:// mistake and its fix), reorder, save, the tester, export and re-import. Screenshots of each main
/// page are kept in bin/…/screenshots.
/// </summary>
public sealed class SeedExampleTests : PortalBrowserTest
{
    [Fact]
    public async Task Editor_SeedExample_BuiltTestedExportedAndReimported()
    {
        await RunScenarioAsync(BuildSeedExampleAsync, "zz-failure");
    }

    private static async Task BuildSeedExampleAsync(BrowserSession browser)
    {
        var editor = new EditorPage(browser.Page);
        await editor.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await editor.OpenRulesAsync();
        await browser.ScreenshotAsync("01-rules-live");

        await editor.OpenDraftAsync();
        await editor.SelectAsync("mode", "Allow: only the listed countries");
        await editor.AddCountriesAsync("US, CA, GB, DE");
        await Assertions.Expect(browser.Page.Locator("[data-role=geo-summary]")).ToContainTextAsync("Only US, CA, GB, DE may enter");
        await browser.ScreenshotAsync("02-draft-geo");

        await editor.TabAsync("Redirects");
        await editor.AddRedirectAsync("ca", "http://ca.example.com/", "CA");
        Assert.Contains("https://", await editor.FieldErrorAsync("location"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("03-redirect-http-error");
        await editor.FillAsync("location", "https://ca.example.com/");
        await Assertions.Expect(browser.Page.Locator(".mud-input-control:has([data-field=location]) .mud-input-error")).ToHaveCountAsync(0);

        await editor.AddRedirectAsync("us", "https://us.example.com/", "US");
        await editor.ExpectRuleIdsAsync("ca", "us");
        await browser.Page.ClickAsync("tr[data-rule-id=us] [data-action=up]");
        await editor.ExpectRuleIdsAsync("us", "ca");
        await browser.Page.ClickAsync("tr[data-rule-id=us] [data-action=down]");
        await editor.ExpectRuleIdsAsync("ca", "us");
        await editor.SaveAsync();
        await browser.Page.ClickAsync("tr[data-rule-id=ca]");
        await browser.ScreenshotAsync("04-redirects");

        await editor.TabAsync("Test");
        await editor.FillAsync("country", "CA");
        await editor.FillAsync("uri", "/shows/42");
        await browser.Page.ClickAsync("[data-action=run-test]");
        await Assertions.Expect(browser.Page.Locator("[data-side=draft] [data-role=action]")).ToHaveTextAsync("Redirect 301");
        await Assertions.Expect(browser.Page.Locator("[data-side=draft] [data-role=response]")).ToContainTextAsync("location: https://ca.example.com/");
        await Assertions.Expect(browser.Page.Locator("[data-side=live] [data-role=action]")).ToHaveTextAsync("Forwarded");
        await browser.ScreenshotAsync("05-tester");

        var download = await browser.Page.RunAndWaitForDownloadAsync(() => browser.Page.ClickAsync("[data-action=export]"));
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        using (var json = JsonDocument.Parse(exported))
        {
            Assert.Equal(["ca", "us"], json.RootElement.GetProperty("redirects").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
            Assert.Equal("allow", json.RootElement.GetProperty("geo").GetProperty("mode").GetString());
        }

        await browser.Page.ClickAsync("[data-action=import]");
        await browser.Page.FillAsync("[data-field=import-json]", exported.Replace("https://us.example.com/", "http://us.example.com/", StringComparison.Ordinal));
        await browser.Page.ClickAsync("[data-action=import-confirm]");
        await Assertions.Expect(browser.Page.Locator("[data-role=import-problems] [data-pointer='/redirects/1/location']")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("06-import-problems");
        await browser.Page.FillAsync("[data-field=import-json]", exported.Replace("\"ca\"", "\"canada\"", StringComparison.Ordinal));
        await browser.Page.ClickAsync("[data-action=import-confirm]");
        await Assertions.Expect(browser.Page.Locator("[data-role=import-dialog]")).ToHaveCountAsync(0);
        await editor.TabAsync("Redirects");
        await editor.ExpectRuleIdsAsync("canada", "us");
        await Assertions.Expect(browser.Page.Locator("[data-role=saved]")).ToBeVisibleAsync();
        await editor.TabAsync("Problems");
        await Assertions.Expect(browser.Page.Locator("[data-role=lint]")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("07-problems");
        await editor.TabAsync("Changes");
        await Assertions.Expect(browser.Page.Locator("[data-role=diff] .diff-sentences")).ToContainTextAsync("canada");
        await browser.ScreenshotAsync("08-changes");
    }
}

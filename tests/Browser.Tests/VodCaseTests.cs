using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// The VOD case in the browser: per-title country licensing (access rules), a regional origin, cache
/// directives for video and API paths with the live Cache-Control preview, then the tester at both events.
/// </summary>
public sealed class VodCaseTests : PortalBrowserTest
{
    [Fact]
    public async Task Editor_VodCase_LicensingOriginAndCacheAnswerInTheTester()
    {
        await RunScenarioAsync(BuildVodCaseAsync, "zz-vod-failure");
    }

    private static async Task BuildVodCaseAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var editor = new EditorPage(page);
        await editor.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await editor.OpenDraftAsync();

        await editor.TabAsync("Access");
        await editor.AddRuleAsync();
        await editor.FillAsync("id", "bundesliga-live");
        await editor.FillAsync("path", "/live/bundesliga/*");
        await editor.FillAsync("description", "Licensed for DACH only");
        await page.Locator("[data-role=region-menu]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item", new() { HasText = "DACH" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-country=CH]")).ToBeVisibleAsync();
        await editor.AddRuleAsync();
        await editor.FillAsync("id", "premier-league");
        await editor.FillAsync("path", "/live/premier-league/*");
        await editor.AddCountriesAsync("GB IE");
        await editor.ExpectRuleIdsAsync("bundesliga-live", "premier-league");
        await browser.ScreenshotAsync("11-vod-access");

        await editor.TabAsync("Origins");
        await editor.AddRuleAsync();
        await editor.FillAsync("id", "eu-library");
        await editor.FillAsync("path", "/library/*");
        await editor.AddCountriesAsync("DE, AT");
        await editor.FillAsync("domainName", "eu-library.example.com");

        await editor.TabAsync("Cache");
        await editor.AddRuleAsync();
        await editor.FillAsync("id", "video");
        await editor.FillAsync("path", "/video/*");
        await editor.FillAsync("maxAge", "86400");
        await editor.FillAsync("sMaxAge", "604800");
        await Assertions.Expect(page.Locator("[data-role=cache-control]")).ToHaveTextAsync("cache-control: max-age=86400, s-maxage=604800");
        await Assertions.Expect(page.Locator(".mud-input-control:has([data-field=maxAge])")).ToContainTextAsync("1 day");
        await editor.AddRuleAsync();
        await editor.FillAsync("id", "api");
        await editor.FillAsync("path", "/api/*");
        await editor.FillAsync("maxAge", "");
        await page.Locator("label:has([data-field=noStore])").ClickAsync();
        await Assertions.Expect(page.Locator("[data-role=cache-control]")).ToHaveTextAsync("cache-control: no-store");
        await browser.ScreenshotAsync("12-vod-cache");
        await Assertions.Expect(page.Locator("[data-role=problem-count]")).ToHaveTextAsync("No problems");
        await editor.SaveAsync();

        await editor.TabAsync("Test");
        await editor.FillAsync("country", "FR");
        await editor.FillAsync("uri", "/live/bundesliga/match-1.m3u8");
        await page.ClickAsync("[data-action=run-test]");
        await Assertions.Expect(page.Locator("[data-side=draft] [data-role=action]")).ToHaveTextAsync("Blocked 403");
        await editor.FillAsync("country", "AT");
        await editor.FillAsync("uri", "/library/film-7/index.m3u8");
        await page.ClickAsync("[data-action=run-test]");
        await Assertions.Expect(page.Locator("[data-side=draft] [data-role=forwarded]")).ToContainTextAsync("eu-library.example.com");
        await editor.SelectAsync("event", "origin-response");
        await editor.FillAsync("uri", "/video/film-7/seg-1.ts");
        await editor.FillAsync("originCacheControl", "max-age=60");
        await page.ClickAsync("[data-action=run-test]");
        await Assertions.Expect(page.Locator("[data-side=draft] [data-role=cache-control]")).ToContainTextAsync("max-age=86400, s-maxage=604800");
        await browser.ScreenshotAsync("13-vod-tester");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-action=export]"));
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Contains("\"domainName\": \"eu-library.example.com\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"noStore\": true", exported, StringComparison.Ordinal);
    }
}

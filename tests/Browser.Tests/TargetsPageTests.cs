using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>Test connection on a fresh machine: the local target passes every check (screenshots/20-test-connection.png).</summary>
public sealed class TargetsPageTests : PortalBrowserTest
{
    [Fact]
    public async Task TestConnection_LocalTarget_ListsEveryCheckAsPassing()
    {
        await RunScenarioAsync(TestLocalTargetAsync, "zz-targets-failure");
    }

    private static async Task TestLocalTargetAsync(BrowserSession browser)
    {
        var page = new EditorPage(browser.Page);
        await page.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await browser.Page.GotoAsync("targets");
        await page.WaitUntilInteractiveAsync();

        await browser.Page.ClickAsync("[data-testid=test-connection-local]");

        var summary = browser.Page.Locator("[data-testid=target-check-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("local: all ");
        await Assertions.Expect(summary).ToContainTextAsync("checks passed");
        var items = browser.Page.Locator("[data-testid=target-check-item]");
        Assert.True(await items.CountAsync() >= 15, "expected a line per check");
        await Assertions.Expect(browser.Page.Locator("[data-testid=target-check-item]:not([data-outcome=Passed])")).ToHaveCountAsync(0);
        await Assertions.Expect(browser.Page.Locator("[data-testid=target-check]")).ToContainTextAsync("Role edge-rules-execution trusts lambda.amazonaws.com and edgelambda.amazonaws.com.");
        await Assertions.Expect(browser.Page.Locator("[data-testid=target-check]")).ToContainTextAsync("Distribution ELOCALEXAMPLE1 has the cache behaviour '*'.");
        await browser.ScreenshotAsync("20-test-connection");
    }
}

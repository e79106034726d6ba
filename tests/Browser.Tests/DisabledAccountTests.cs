using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// An account an Admin disables stops at once, also in a page already open (a live Blazor circuit, which never
/// passes the cookie check again): the open editor goes to the sign-in page by itself (screenshots/31-disabled-signed-out.png).
/// </summary>
public sealed class DisabledAccountTests : PortalBrowserTest
{
    private const string Email = "leaving-editor@example.com";
    private const string Password = "Leaving-Passw0rd!";

    [Fact]
    public async Task OpenEditor_AdminDisablesItsUser_PageGoesToSignInWithoutReload()
    {
        await RunScenarioAsync(DisableWhileOpenAsync, "zz-disabled-failure");
    }

    private async Task DisableWhileOpenAsync(BrowserSession browser)
    {
        await Portal.AddUserAsync(Email, "Editor", Password);
        var editor = new EditorPage(browser.Page);
        await editor.SignInAsync(Email, Password);
        await editor.OpenRulesAsync();
        var openUrl = browser.Page.Url;

        await using var adminContext = await browser.Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Portal.BaseAddress.ToString() });
        var adminPage = await adminContext.NewPageAsync();
        var admin = new EditorPage(adminPage);
        await admin.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await adminPage.GotoAsync("users");
        await admin.WaitUntilInteractiveAsync();
        await adminPage.ClickAsync($"[data-testid='disable-{Email}']");
        await Assertions.Expect(adminPage.Locator($"[data-testid='status-{Email}']")).ToHaveTextAsync("Disabled");

        // The circuit rechecks its user every 10 seconds; nothing in this page is clicked or reloaded meanwhile.
        await browser.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 25_000 });
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("31-disabled-signed-out");

        // And the cookie it still holds opens nothing.
        await browser.Page.GotoAsync(openUrl);
        await browser.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
    }
}

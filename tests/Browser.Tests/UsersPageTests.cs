using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>An Admin disables an account and resets its password on the Users page (screenshots/30-users-reset-password.png).</summary>
public sealed class UsersPageTests : PortalBrowserTest
{
    private const string Email = "leaver@example.com";

    [Fact]
    public async Task UsersPage_AdminDisablesUserAndResetsPassword_SeesStatusAndOneTimePassword()
    {
        await RunScenarioAsync(DisableAndResetAsync, "zz-users-failure");
    }

    private static async Task DisableAndResetAsync(BrowserSession browser)
    {
        var page = new EditorPage(browser.Page);
        await page.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await browser.Page.GotoAsync("users");
        await page.WaitUntilInteractiveAsync();
        await browser.Page.FillAsync("[data-testid=new-email] input, input[data-testid=new-email]", Email);
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(browser.Page.Locator("[data-testid=add-user-done]")).ToContainTextAsync($"Added {Email} as Viewer.");

        await browser.Page.ClickAsync($"[data-testid='disable-{Email}']");
        await Assertions.Expect(browser.Page.Locator($"[data-testid='status-{Email}']")).ToHaveTextAsync("Disabled");
        await Assertions.Expect(browser.Page.Locator($"[data-testid='enable-{Email}']")).ToBeVisibleAsync();

        await browser.Page.ClickAsync($"[data-testid='reset-{Email}']");
        await browser.Page.ClickAsync("[data-testid=reset-password-confirm]");
        var done = browser.Page.Locator("[data-testid=reset-password-done]");
        await Assertions.Expect(done).ToContainTextAsync($"New one-time password for {Email}");
        var password = (await browser.Page.Locator("[data-testid=reset-password-value]").TextContentAsync())!.Trim();
        Assert.Equal(20, password.Length);
        await browser.ScreenshotAsync("30-users-reset-password");

        await browser.Page.ClickAsync("[data-testid=reset-password-close]");
        var row = browser.Page.Locator("[data-testid=users-table] tr", new() { HasText = Email });
        await Assertions.Expect(row).ToContainTextAsync("one-time, not yet changed");
        await Assertions.Expect(row).ToContainTextAsync("Disabled");
    }
}

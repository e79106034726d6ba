using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// A user creates an API token on the tokens page, sees it once, calls the API with it, revokes it, and the API
/// refuses it (screenshots/31-api-token-created.png, 32-api-token-revoked.png); then the API page lists the operations.
/// </summary>
public sealed class ApiTokensPageTests : PortalBrowserTest
{
    [Fact]
    public async Task ApiTokensPage_CreateUseRevoke_TokenShownOnceThenRefused()
    {
        await RunScenarioAsync(CreateUseRevokeAsync, "zz-api-tokens-failure");
    }

    private async Task CreateUseRevokeAsync(BrowserSession browser)
    {
        var page = new EditorPage(browser.Page);
        await page.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        // The account menu links to the page; going there directly does not race the overview's circuit.
        await Assertions.Expect(browser.Page.Locator("[data-testid=menu-api-tokens]")).ToHaveAttributeAsync("href", "api-tokens");
        await browser.Page.GotoAsync("api-tokens");
        await page.WaitUntilInteractiveAsync();
        await browser.Page.FillAsync("[data-testid=token-name] input, input[data-testid=token-name]", "Browser test");
        await browser.Page.ClickAsync("[data-testid=token-create]");
        await Assertions.Expect(browser.Page.Locator("[data-testid=token-created]")).ToContainTextAsync("shown only once");
        var token = (await browser.Page.Locator("[data-testid=token-value]").TextContentAsync())!.Trim();
        Assert.Matches("^ept_[A-Za-z0-9_-]{43}$", token);
        var row = browser.Page.Locator("[data-testid=tokens-table] tr", new() { HasText = "Browser test" });
        await Assertions.Expect(row).ToContainTextAsync(token[..12] + "…");
        await Assertions.Expect(row).ToContainTextAsync("Active");
        await browser.ScreenshotAsync("31-api-token-created");

        using var api = new HttpClient { BaseAddress = Portal.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var accepted = await api.GetAsync("api/v1/targets");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // Shown once: after a reload the page lists the token by its prefix only.
        await browser.Page.ReloadAsync();
        await page.WaitUntilInteractiveAsync();
        Assert.DoesNotContain(token, await browser.Page.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(row).ToContainTextAsync("Active");
        Assert.DoesNotContain("never", await row.Locator("td[data-label='Last used']").TextContentAsync() ?? "never", StringComparison.Ordinal);

        await browser.Page.ClickAsync("[data-testid='token-revoke-Browser test']");
        await browser.Page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Revoked");
        await browser.ScreenshotAsync("32-api-token-revoked");

        var refused = await api.GetAsync("api/v1/targets");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("The token was revoked.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The page for people, rendered from the OpenAPI document (screenshots/33-api-reference.png).
        await browser.Page.GotoAsync("api");
        await Assertions.Expect(browser.Page.Locator("[data-testid=api-path]", new() { HasText = "/api/v1/change-sets/{id}/approve" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("33-api-reference");
    }
}

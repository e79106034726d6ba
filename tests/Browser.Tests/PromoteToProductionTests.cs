using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Staging before production (screenshots/46-promote-offer.png, 47-promoted-published.png): production, an AWS target
/// on the emulator, requires the local target; a change goes live on local, is promoted from its change set page,
/// approved again and published to production.
/// </summary>
public sealed class PromoteToProductionTests(EmulatorFixture emulator) : PortalBrowserTest, IClassFixture<EmulatorFixture>
{
    protected override IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>(emulator.PortalSettings)
    {
        ["EdgePortal:Publishing:LocalPropagationDelay"] = "00:00:00.200",
        ["EdgePortal:Publishing:LocalInvalidationDelay"] = "00:00:00.200",
    };

    protected override IReadOnlyDictionary<string, string> PortalEnvironment => EmulatorFixture.PortalEnvironment;

    [Fact]
    public async Task Promote_ChangeLiveOnStaging_GoesToProductionAsASubmittedChangeSetThatIsPublished()
    {
        await RunScenarioAsync(PromoteAsync, "zz-promote-failure");
    }

    private static async Task PromoteAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var flow = new ReviewFlow(page);
        await flow.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await new TargetForms(page).AddProductionAsync(requires: "local");
        await flow.SignOutAsync();
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.ApproveAsync(expectedRevision: 2);
        await flow.PublishAsync(revision: 2);
        await Assertions.Expect(page.Locator("[data-testid=deployment-progress] [data-testid=deployment-state]")).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        await flow.SignOutAsync();

        // The editor promotes it (the approver then approves someone else's change set, as always).
        await flow.SignInAsync(ReviewFlow.EditorEmail);
        await flow.NavigateAsync("Change sets");
        // The list starts at submitted change sets; this one is past that.
        await page.Locator(".mud-select", new() { HasText = "State" }).Locator(".mud-input-clear-button").First.ClickAsync();
        await page.Locator("[data-testid=change-sets-table] a", new() { HasText = "Changes to Local" }).First.ClickAsync();
        var promote = page.Locator("[data-testid=promote-prod]");
        await Assertions.Expect(promote).ToHaveTextAsync("Promote to Production");
        await browser.ScreenshotAsync("46-promote-offer");
        await promote.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=review-title]")).ToContainTextAsync("(promoted from local)");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Target prod ");
        await flow.SignOutAsync();

        await flow.SignInAsync(ReviewFlow.ApproverEmail);
        await flow.NavigateAsync("Change sets");
        await page.Locator("[data-testid=change-sets-table] a", new() { HasText = "(promoted from local)" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=approve]");
        await page.ClickAsync("[data-testid=decision-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=approved]")).ToContainTextAsync("revision #2");
        await flow.NavigateAsync("Targets");
        await page.ClickAsync("a#prod");
        await page.ClickAsync("[data-testid=publish-2]");
        await page.ClickAsync("[data-testid=confirm-publish]");
        await Assertions.Expect(page.Locator("[data-testid=publish-message]")).ToContainTextAsync("Revision #2 was queued as deployment");
        await Assertions.Expect(page.Locator("[data-testid=deployment-progress] [data-testid=deployment-error]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("47-promoted-published");
    }
}

using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Issue #9 in the browser: the local distribution takes longer to deploy than the publish waits, so the
/// publish ends "Associated; deployment not confirmed"; the operator sees the time left while it waits, the
/// reason and the served revision afterwards, and resumes the wait once the distribution is Deployed.
/// </summary>
public sealed partial class ResumeWaitTests : PortalBrowserTest
{
    private static readonly TimeSpan _propagation = TimeSpan.FromSeconds(25);

    protected override IReadOnlyDictionary<string, string> PortalSettings { get; } = new Dictionary<string, string>
    {
        ["EdgePortal:Publishing:LocalPropagationDelay"] = "00:00:25",
        ["EdgePortal:Publishing:LocalInvalidationDelay"] = "00:00:02",
        ["EdgePortal:Publishing:LocalPollInterval"] = "00:00:00.500",
        ["EdgePortal:Publishing:DeployedTimeout"] = "00:00:08",
    };

    [Fact]
    public async Task ResumeWait_DeployedWaitTimedOut_ShowsUnconfirmedThenGoesLiveWithItsInvalidation()
    {
        await RunScenarioAsync(PublishAndResumeAsync, "zz-resume-wait-failure");
    }

    private static async Task PublishAndResumeAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var flow = new ReviewFlow(page);
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.ApproveAsync(expectedRevision: 2);
        await flow.PublishAsync(revision: 2);

        var progress = page.Locator("[data-testid=deployment-progress]");
        await Assertions.Expect(page.Locator("[data-testid=step-time-left]"))
            .ToHaveTextAsync(TimeLeft(), new() { Timeout = 20_000 });
        await browser.ScreenshotAsync("40-waiting-time-left");

        var state = progress.Locator("[data-testid=deployment-state]");
        await Assertions.Expect(state).ToHaveTextAsync("Associated; deployment not confirmed", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=step-time-left]")).ToHaveCountAsync(0);
        // The reason follows the bold "Associated; deployment not confirmed." without repeating it.
        await Assertions.Expect(page.Locator("[data-testid=deployment-unconfirmed-reason]"))
            .ToHaveTextAsync(UnconfirmedReason());
        await Assertions.Expect(page.Locator("[data-testid=deployments-table] tbody tr").First).ToContainTextAsync("WaitDeployed (failed)");
        await Assertions.Expect(page.Locator("[data-testid=deployment-unconfirmed-reason]")).ToContainTextAsync("Resume the wait to confirm it.");
        await Assertions.Expect(page.Locator("[data-testid=may-also-serve]")).ToContainTextAsync("The edge may also be serving revision");
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #1");
        await Assertions.Expect(page.Locator("[data-testid=resume-wait]")).ToBeEnabledAsync();
        await browser.ScreenshotAsync("41-associated-not-confirmed");

        // Publishing the live revision again now has to undo what revision 2 may be serving: the plan says so.
        await page.ClickAsync("[data-testid=publish-1]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("Also planned against revision #2");
        await browser.ScreenshotAsync("42-plan-against-unconfirmed");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);

        await WaitUntilDistributionDeployedAsync(page);
        await page.ClickAsync("[data-testid=resume-wait]");

        await Assertions.Expect(state).ToHaveTextAsync("Succeeded", new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("[data-testid=deployment-unconfirmed]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=may-also-serve]")).ToHaveCountAsync(0);
        await Assertions.Expect(progress).ToContainTextAsync("5. Invalidate the planned paths · done");
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #2");
        var invalidations = page.Locator("[data-testid=local-invalidations] tbody tr");
        await Assertions.Expect(invalidations).ToHaveCountAsync(1);
        await Assertions.Expect(invalidations.First).ToContainTextAsync("/*");
        // The refresh clicks scrolled the page; a full-page shot of a scrolled page draws the app bar in its middle.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await browser.ScreenshotAsync("43-resumed-live");
    }

    /// <summary>The operator's way to know the propagation ended: refresh the local target's status until it says Deployed.</summary>
    private static async Task WaitUntilDistributionDeployedAsync(IPage page)
    {
        var status = page.Locator("[data-testid=distribution-status]");
        var deadline = DateTime.UtcNow + _propagation + TimeSpan.FromSeconds(10);
        while ((await status.InnerTextAsync()).Trim() != "Deployed")
        {
            Assert.True(DateTime.UtcNow < deadline, "the local distribution did not turn Deployed");
            await Task.Delay(1000);
            await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        }
    }

    [GeneratedRegex(@"^Wait until the distribution is Deployed: \d+ s left\.$")]
    private static partial Regex TimeLeft();

    [GeneratedRegex(@"^Wait until the distribution is Deployed: Distribution ELOCALEXAMPLE1 is still InProgress when the step's 8 s ran out\.")]
    private static partial Regex UnconfirmedReason();
}

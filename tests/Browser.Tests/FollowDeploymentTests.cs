using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Issue #11, "the publish page follows the deployment live": once a publish to the local target succeeds, the page
/// says so within a second, without a reload: the live revision, the revision's Publish button gone, the deployments
/// row and the progress panel. The finish is read from the deployment store in the portal's database.
/// </summary>
public sealed class FollowDeploymentTests : PortalBrowserTest
{
    private static readonly TimeSpan _withinOneSecond = TimeSpan.FromSeconds(1);

    protected override IReadOnlyDictionary<string, string> PortalSettings { get; } = new Dictionary<string, string>
    {
        ["EdgePortal:Publishing:LocalPropagationDelay"] = "00:00:02",
        ["EdgePortal:Publishing:LocalInvalidationDelay"] = "00:00:01",
        ["EdgePortal:Publishing:LocalPollInterval"] = "00:00:00.200",
    };

    [Fact]
    public async Task PublishPage_DeploymentSucceeds_ShowsTheFinishedStateWithinASecondWithoutAReload()
    {
        await RunScenarioAsync(PublishAndFollowAsync, "zz-follow-deployment-failure");
    }

    private async Task PublishAndFollowAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var flow = new ReviewFlow(page);
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.ApproveAsync(expectedRevision: 2);
        await flow.PublishAsync(revision: 2);
        await Assertions.Expect(page.Locator("[data-testid=deployment-state]")).ToHaveTextAsync("Running", new() { Timeout = 10_000 });
        await browser.ScreenshotAsync("50-follow-running");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        var finishedAt = await FinishedAtAsync();
        var deadline = finishedAt + _withinOneSecond;

        await ExpectBy(deadline, page.Locator("[data-testid=deployment-state]"), l => l.ToHaveTextAsync("Succeeded", new() { Timeout = Timeout(deadline) }));
        await ExpectBy(deadline, page.Locator("[data-testid=deployments-table] tbody tr").First, l => l.ToContainTextAsync("Succeeded", new() { Timeout = Timeout(deadline) }));
        await ExpectBy(deadline, page.Locator("[data-testid=live-revision]"), l => l.ToContainTextAsync("Live: revision #2", new() { Timeout = Timeout(deadline) }));
        await ExpectBy(deadline, page.Locator("[data-testid=publish-2]"), l => l.ToHaveCountAsync(0, new() { Timeout = Timeout(deadline) }));
        Assert.Equal(0, navigations);
        await browser.ScreenshotAsync("51-follow-succeeded");
    }

    private static async Task ExpectBy(DateTimeOffset deadline, ILocator locator, Func<ILocatorAssertions, Task> expectation)
    {
        await expectation(Assertions.Expect(locator));
        Assert.True(DateTimeOffset.UtcNow <= deadline + TimeSpan.FromMilliseconds(100), $"shown only {(DateTimeOffset.UtcNow - deadline).TotalMilliseconds:0} ms after the 1 s");
    }

    // Playwright wants a positive timeout; a deadline already past leaves the smallest, which then fails unless it already shows.
    private static float Timeout(DateTimeOffset deadline) => (float)Math.Max(1, (deadline - DateTimeOffset.UtcNow).TotalMilliseconds);

    /// <summary>Waits until the deployment store records the publish's end, and returns when that was.</summary>
    private async Task<DateTimeOffset> FinishedAtAsync()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Portal.DatabaseFile};Mode=ReadOnly;Pooling=False").Options;
        var patience = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTimeOffset.UtcNow < patience)
        {
            await using var db = new PortalDbContext(options);
            var finished = await db.Deployments.AsNoTracking().Where(d => d.State == DeploymentState.Succeeded || d.State == DeploymentState.Failed)
                .Select(d => new { d.State, d.FinishedAt }).FirstOrDefaultAsync();
            if (finished is not null)
            {
                Assert.Equal(DeploymentState.Succeeded, finished.State);
                return finished.FinishedAt!.Value;
            }
            await Task.Delay(25);
        }
        throw new TimeoutException("The deployment did not finish within a minute.");
    }
}

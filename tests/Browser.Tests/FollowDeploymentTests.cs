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
        // The page notes when each sign first shows, by the machine's clock, so a slow test process cannot blur the measure;
        // a reload would lose the notes.
        await page.EvaluateAsync(WatchScript);

        var finishedAt = await FinishedAtAsync();
        var seen = await SeenAsync(page, finishedAt + TimeSpan.FromSeconds(10));

        foreach (var sign in _signs)
        {
            Assert.True(seen.TryGetValue(sign, out var at), $"the page never showed '{sign}' without a reload; it showed {string.Join(", ", seen.Keys)}");
            var late = at - finishedAt;
            Assert.True(late <= _withinOneSecond, $"the page showed '{sign}' {late.TotalMilliseconds:0} ms after the deployment finished");
        }
        await browser.ScreenshotAsync("51-follow-succeeded");

        // The target's deployments page has it too, with who asked and its steps.
        await page.ClickAsync("[data-testid=all-deployments]");
        var row = page.Locator("[data-testid=deployments-page-table] tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(ReviewFlow.ApproverEmail);
        await Assertions.Expect(row).ToContainTextAsync("Succeeded");
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=step-Version]")).ToContainTextAsync("Finished");
        await browser.ScreenshotAsync("52-target-deployments");
    }

    private static readonly string[] _signs = ["progress says Succeeded", "deployments row says Succeeded", "Live: revision #2", "no Publish button on revision #2"];

    private const string WatchScript = """
        () => {
            window.followSeen = {};
            const signs = {
                'progress says Succeeded': () => document.querySelector('[data-testid=deployment-state]')?.textContent.trim() === 'Succeeded',
                'deployments row says Succeeded': () => document.querySelector('[data-testid=deployments-table] tbody tr')?.textContent.includes('Succeeded'),
                'Live: revision #2': () => document.querySelector('[data-testid=live-revision]')?.textContent.includes('Live: revision #2'),
                'no Publish button on revision #2': () => document.querySelector('[data-testid=revisions-table]') !== null && document.querySelector('[data-testid=publish-2]') === null,
            };
            const look = () => {
                for (const [sign, shows] of Object.entries(signs)) {
                    if (!(sign in window.followSeen) && shows()) {
                        window.followSeen[sign] = Date.now();
                    }
                }
            };
            look();
            setInterval(look, 20);
        }
        """;

    /// <summary>When the page first showed each sign (the browser's clock), waiting until all show or <paramref name="until"/>.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> SeenAsync(IPage page, DateTimeOffset until)
    {
        while (true)
        {
            var seen = await page.EvaluateAsync<Dictionary<string, long>?>("() => window.followSeen") ?? [];
            if (seen.Count == _signs.Length || DateTimeOffset.UtcNow > until)
            {
                return seen.ToDictionary(s => s.Key, s => DateTimeOffset.FromUnixTimeMilliseconds(s.Value));
            }
            await Task.Delay(100);
        }
    }

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

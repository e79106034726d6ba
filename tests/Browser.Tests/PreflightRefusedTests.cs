using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// A publish the preflight refuses: the local target is set to a cache behaviour its distribution lacks, so the
/// publish stops before a Lambda version is created, and the deployment page says which check failed and why.
/// </summary>
public sealed class PreflightRefusedTests : PortalBrowserTest
{
    private const string MissingBehaviour = "/video/*";

    [Fact]
    public async Task Publish_TargetNamesAMissingCacheBehaviour_StopsBeforeAVersionWithTheFailingSentences()
    {
        await RunScenarioAsync(PublishRefusedAsync, "zz-preflight-refused-failure");
    }

    private async Task PublishRefusedAsync(BrowserSession browser)
    {
        var page = browser.Page;
        await SetLocalCacheBehaviourAsync(MissingBehaviour);
        var flow = new ReviewFlow(page);
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.ApproveAsync(expectedRevision: 2);
        await flow.PublishAsync(revision: 2);

        var sentence = $"Distribution ELOCALEXAMPLE1 has no cache behaviour '{MissingBehaviour}' (it has *): add it or remove it from the target.";
        var progress = page.Locator("[data-testid=deployment-progress]");
        await Assertions.Expect(progress.Locator("[data-testid=deployment-state]")).ToHaveTextAsync("Failed", new() { Timeout = 20_000 });
        var error = progress.Locator("[data-testid=deployment-error]");
        await Assertions.Expect(error).ToContainTextAsync("Check the target: ");
        await Assertions.Expect(error).ToContainTextAsync("checks failed; nothing was changed.");
        await Assertions.Expect(error).ToContainTextAsync(sentence);
        await Assertions.Expect(progress).ToContainTextAsync("0. Check the target · failed");
        await Assertions.Expect(progress).ToContainTextAsync("2. Publish the Lambda version · waiting");
        await Assertions.Expect(page.Locator("[data-testid=deployment-unconfirmed]")).ToHaveCountAsync(0);
        var row = page.Locator("[data-testid=deployments-table] tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(sentence);
        await Assertions.Expect(row).ToContainTextAsync("Preflight (failed)");
        await Assertions.Expect(page.Locator("[data-testid=local-versions] tbody tr")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #1");
        await browser.ScreenshotAsync("45-preflight-refused");
    }

    /// <summary>Stands in for an admin setting the target's cache behaviours (the portal has no page for it yet).</summary>
    private async Task SetLocalCacheBehaviourAsync(string pattern)
    {
        await using var connection = new SqliteConnection($"Data Source={Portal.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Targets SET CacheBehaviors = $behaviours WHERE Id = 'local'";
        command.Parameters.AddWithValue("$behaviours", $"[\"{pattern}\"]");
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}

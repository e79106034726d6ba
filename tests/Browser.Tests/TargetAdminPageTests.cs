using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// An Admin adds an AWS target against the emulator (screenshots/21-add-target.png, 22-adopt-distribution.png,
/// 23-test-connection-aws.png): every bad field is named, the distribution's geo restriction becomes revision #1,
/// and Test connection reports each check.
/// </summary>
public sealed class TargetAdminPageTests(EmulatorFixture emulator) : PortalBrowserTest, IClassFixture<EmulatorFixture>
{
    protected override IReadOnlyDictionary<string, string> PortalSettings => emulator.PortalSettings;

    protected override IReadOnlyDictionary<string, string> PortalEnvironment => EmulatorFixture.PortalEnvironment;

    [Fact]
    public async Task AddTarget_AwsTargetOnTheEmulator_AdoptsItsGeoRestrictionAndTestConnectionReportsEachCheck()
    {
        await RunScenarioAsync(AddAwsTargetAsync, "zz-add-target-failure");
        await AssertFirstRevisionHoldsTheRestrictionAsync();
    }

    private static async Task AddAwsTargetAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var editor = new EditorPage(page);
        await editor.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await page.GotoAsync("targets");
        await editor.WaitUntilInteractiveAsync();

        // First with wrong fields: each is named beside itself, and nothing is stored.
        await page.ClickAsync("[data-testid=add-target]");
        await page.WaitForSelectorAsync("[data-testid=target-form]");
        await page.FillAsync("[data-testid=target-id]", "prod");
        await page.FillAsync("[data-testid=target-name]", "Production");
        await page.FillAsync("[data-testid=target-function]", "arn:aws:lambda:eu-west-1:123456789012:function:edge-rules");
        await page.FillAsync("[data-testid=target-distribution]", "d111111abcdef8");
        await page.ClickAsync("[data-testid=target-save]");
        var form = page.Locator("[data-testid=target-form]");
        await Assertions.Expect(form).ToContainTextAsync("FunctionName: Lambda@Edge functions must be in us-east-1;");
        await Assertions.Expect(form).ToContainTextAsync("DistributionId: 'd111111abcdef8' is not a distribution id;");
        await Assertions.Expect(page.Locator("[data-testid=target-form-error]")).ToHaveTextAsync("Nothing was saved: 2 field(s) need a change.");
        await browser.ScreenshotAsync("21-add-target");

        // Then right: the distribution is read, its geo restriction and the versions its behaviours run are shown.
        await page.FillAsync("[data-testid=target-function]", TargetForms.FunctionName);
        await page.FillAsync("[data-testid=target-distribution]", TargetForms.DistributionId);
        await page.ClickAsync("[data-testid=read-distribution]");
        await Assertions.Expect(page.Locator("[data-testid=distribution-geo]")).ToHaveTextAsync("Distribution EDFDVBD6EXAMPLE's geo restriction: allows only US, CA, GB, DE.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=distribution-association]").First)
            .ToHaveTextAsync("Behaviour * runs arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6 on origin-request.");
        await browser.ScreenshotAsync("22-adopt-distribution");
        await page.ClickAsync("[data-testid=target-save]");
        await Assertions.Expect(page.Locator("[data-testid=targets-message]")).ToContainTextAsync("Saved target prod.");
        await Assertions.Expect(page.Locator("[data-testid=targets-table]")).ToContainTextAsync("EDFDVBD6EXAMPLE");

        await editor.WaitUntilInteractiveAsync();
        await page.ClickAsync("[data-testid=test-connection-prod]");
        var summary = page.Locator("[data-testid=target-check-summary]");
        await Assertions.Expect(summary).ToContainTextAsync("prod: ", new() { Timeout = 30_000 });
        Assert.True(await page.Locator("[data-testid=target-check-item]").CountAsync() >= 10, "expected a line per check");
        await Assertions.Expect(page.Locator("[data-testid=target-check]")).ToContainTextAsync("Distribution EDFDVBD6EXAMPLE has the cache behaviour '*'.");
        await browser.ScreenshotAsync("23-test-connection-aws");

    }

    /// <summary>The adopted restriction is revision #1 of the new target, so its first publish keeps what the distribution does.</summary>
    private async Task AssertFirstRevisionHoldsTheRestrictionAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Portal.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT DocumentJson FROM Revisions WHERE TargetId = 'prod' AND Number = 1";
        // The canonical JSON is indented; what matters is the values.
        var json = string.Concat(((string)(await command.ExecuteScalarAsync())!).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("\"countries\":[\"US\",\"CA\",\"GB\",\"DE\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"enforce\":\"distribution\"", json, StringComparison.Ordinal);
    }
}

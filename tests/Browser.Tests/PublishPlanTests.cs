using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Issue #10, "Approve exactly what is applied", rollback and emergency publish, in the browser: the review page shows the
/// publish plan before Approve; a plan that no longer holds is refused with its sentence; a rollback is a change set
/// reviewed by a second person; an emergency publish is marked loudly until someone else acknowledges it.
/// </summary>
public sealed class PublishPlanTests : PortalBrowserTest
{
    [Fact]
    public async Task Publish_TargetSettingsChangedAfterApproval_IsRefusedWithTheSentence()
    {
        await RunScenarioAsync(PlanNoLongerHoldsAsync, "zz-plan-refused-failure");
    }

    [Fact]
    public async Task Rollback_ToRevisionOne_GoesThroughReviewBeforeItIsPublished()
    {
        await RunScenarioAsync(RollbackAsync, "zz-rollback-failure");
    }

    [Fact]
    public async Task EmergencyPublish_ByAdmin_IsMarkedUntilAnotherUserAcknowledgesIt()
    {
        await RunScenarioAsync(EmergencyAsync, "zz-emergency-failure");
    }

    private async Task PlanNoLongerHoldsAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var flow = new ReviewFlow(page);
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.SignInAsync(ReviewFlow.ApproverEmail);
        await flow.NavigateAsync("Change sets");
        await page.Locator("[data-testid=change-sets-table] a").First.ClickAsync();

        var plan = page.Locator("[data-testid=publish-plan]");
        await Assertions.Expect(plan).ToContainTextAsync("Publish plan: approving approves exactly this");
        await Assertions.Expect(plan.Locator("[data-testid=plan-build]")).ToContainTextAsync("revision #2 · CodeSha256");
        await Assertions.Expect(plan.Locator("[data-testid=plan-billed-count]")).ToHaveTextAsync("Invalidation: 1 path billed");
        await Assertions.Expect(plan.Locator("[data-testid=plan-distribution]")).ToContainTextAsync("geo restriction: unchanged");
        Assert.Equal(64, (await plan.Locator("[data-testid=plan-document-sha]").GetAttributeAsync("title"))!.Length);
        await browser.ScreenshotAsync("50-review-publish-plan");
        await page.ClickAsync("[data-testid=approve]");
        await page.ClickAsync("[data-testid=decision-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=decision-result]")).ToHaveTextAsync("Approved — ready to publish.");
        await Assertions.Expect(plan).ToContainTextAsync("Approved publish plan");
        await browser.ScreenshotAsync("51-review-approved-plan");

        await SetLocalCacheBehavioursAsync("[\"*\",\"/img/*\"]");
        await flow.NavigateAsync("Publish");
        await page.ClickAsync("[data-testid=publish-2]");
        await page.ClickAsync("[data-testid=confirm-publish]");

        await Assertions.Expect(page.Locator("[data-testid=publish-message]")).ToHaveTextAsync(
            "Publishing refused: the approved plan no longer holds. The target's settings changed since the plan was approved: the cache behaviours (*, now *, /img/*).");
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #1");
        await browser.ScreenshotAsync("52-publish-refused-plan-changed");
    }

    private async Task RollbackAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var flow = new ReviewFlow(page);
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.ApproveAsync(expectedRevision: 2);
        await flow.PublishAsync(revision: 2);
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #2", new() { Timeout = 30_000 });

        await Assertions.Expect(page.Locator("[data-testid=rollback-1]")).ToHaveTextAsync("Roll back to revision 1");
        await page.ClickAsync("[data-testid=rollback-1]");
        var dialog = page.Locator(".mud-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("It is submitted for review; nothing is published until a second person approves it and it is published.");
        await browser.ScreenshotAsync("53-rollback-dialog");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create the change set" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/change-sets/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=review-title]")).ToHaveTextAsync("Roll back to revision 1");
        await Assertions.Expect(page.Locator("[data-testid=state-chip]")).ToHaveTextAsync("In review");
        // Its author is offered no Approve: a second person approves it.
        await Assertions.Expect(page.Locator("[data-testid=approve]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("54-rollback-change-set");
        await flow.SignOutAsync();

        await flow.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await OpenChangeSetAsync(flow, page);
        await Assertions.Expect(page.Locator("[data-testid=review-title]")).ToHaveTextAsync("Roll back to revision 1");
        await page.ClickAsync("[data-testid=approve]");
        await page.ClickAsync("[data-testid=decision-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=approved]")).ToContainTextAsync("revision #3");
        await flow.NavigateAsync("Publish");
        await page.ClickAsync("[data-testid=publish-3]");
        await page.ClickAsync("[data-testid=confirm-publish]");
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=revisions-table]")).ToContainTextAsync("Roll back to revision 1 (approved by");
        await browser.ScreenshotAsync("55-rollback-published");
    }

    private async Task EmergencyAsync(BrowserSession browser)
    {
        var page = browser.Page;
        var flow = new ReviewFlow(page);
        await flow.AddAccountsAsync();
        await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
        await flow.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await flow.NavigateAsync("Change sets");
        await page.Locator("[data-testid=change-sets-table] a").First.ClickAsync();

        await page.ClickAsync("[data-testid=emergency-publish]");
        await page.Locator(".mud-dialog textarea").FillAsync("Checkout is broken for Canada; the redirect cannot wait.");
        await page.ClickAsync("[data-testid=text-dialog-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=emergency-result]")).ToContainTextAsync("Published in an emergency: deployment");
        await Assertions.Expect(page.Locator("[data-testid=emergency-badge]")).ToHaveTextAsync("Emergency");
        await Assertions.Expect(page.Locator("[data-testid=needs-review]")).ToHaveTextAsync("Needs review after the fact.");
        await Assertions.Expect(page.Locator("[data-testid=acknowledge]")).ToBeDisabledAsync();
        await browser.ScreenshotAsync("56-emergency-published");
        await flow.NavigateAsync("Publish");
        await Assertions.Expect(page.Locator("[data-testid=live-revision]")).ToContainTextAsync("Live: revision #2", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=deployment-emergency]")).ToHaveTextAsync("Emergency");
        await flow.NavigateAsync("Overview");
        await Assertions.Expect(page.Locator("[data-testid=overview-emergency]")).ToContainTextAsync("was published without approval and needs review after the fact.");
        await flow.SignOutAsync();

        // The change set list shows submitted ones by default: the overview's emergency line is the way to it.
        await flow.SignInAsync(ReviewFlow.ApproverEmail);
        await flow.NavigateAsync("Overview");
        await page.Locator("[data-testid=overview-emergency] a").ClickAsync();
        await page.Locator("[data-testid=review-title]").WaitForAsync();
        await page.ClickAsync("[data-testid=acknowledge]");
        await page.Locator(".mud-dialog textarea").FillAsync("Checked the redirect against the incident ticket.");
        await page.ClickAsync("[data-testid=text-dialog-confirm]");

        await Assertions.Expect(page.Locator("[data-testid=acknowledged]")).ToContainTextAsync($"Reviewed after the fact by {ReviewFlow.ApproverEmail}");
        await Assertions.Expect(page.Locator("[data-testid=needs-review]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-testid=emergency-badge]")).ToHaveTextAsync("Emergency");
        await browser.ScreenshotAsync("57-emergency-acknowledged");
    }

    /// <summary>Opens the newest change set from the list, inside the running circuit.</summary>
    private static async Task OpenChangeSetAsync(ReviewFlow flow, IPage page)
    {
        await flow.NavigateAsync("Change sets");
        await page.Locator("[data-testid=change-sets-table] a").First.ClickAsync();
        await page.Locator("[data-testid=review-title]").WaitForAsync();
    }

    /// <summary>Stands in for an admin changing the target's cache behaviours after the approval (the Targets page is another's).</summary>
    private async Task SetLocalCacheBehavioursAsync(string json)
    {
        await using var connection = new SqliteConnection($"Data Source={Portal.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Targets SET CacheBehaviors = $behaviours WHERE Id = 'local'";
        command.Parameters.AddWithValue("$behaviours", json);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}

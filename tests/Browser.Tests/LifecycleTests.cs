using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// The life of a change set in the browser, by the people who live it: the author withdraws and resubmits,
/// reads a rejection or a request for changes in the editor, and a target that needs two approvals shows
/// "1 of 2" until the second, with an edit in between dropping the first.
/// </summary>
public sealed class LifecycleTests : PortalBrowserTest
{
    private const string SecondApproverEmail = "approver2@example.com";

    [Fact]
    public async Task Editor_InReview_IsReadOnlyUntilWithdrawnThenResubmits()
    {
        await RunScenarioAsync(async browser =>
        {
            var (page, flow, editor) = Start(browser);
            await flow.AddAccountsAsync();
            await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");

            await flow.SignInAsync(ReviewFlow.EditorEmail);
            await editor.OpenDraftAsync();
            var banner = page.Locator("[data-testid=lifecycle-banner]");
            await Assertions.Expect(banner).ToContainTextAsync("In review — withdraw to edit.");
            await Assertions.Expect(page.Locator("[data-action=save]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-role=draft-tabs]")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("60-lifecycle-in-review-read-only");

            await page.ClickAsync("[data-action=withdraw]");
            await Assertions.Expect(page.Locator("[data-action=save]")).ToBeVisibleAsync();
            await Assertions.Expect(banner).ToHaveCountAsync(0);
            await editor.TabAsync("Redirects");
            await editor.AddRedirectAsync("us", "https://us.example.com/", "US");
            await editor.SaveAsync();
            await editor.SubmitAsync("Canada and the US, each to its own site.");
            await Assertions.Expect(banner).ToContainTextAsync("In review — withdraw to edit.");
            await browser.ScreenshotAsync("61-lifecycle-resubmitted");
        }, "zz-lifecycle-withdraw-failure");
    }

    [Fact]
    public async Task Editor_Rejected_ShowsTheReviewersReasonWithReopenAndAbandon()
    {
        await RunScenarioAsync(async browser =>
        {
            var (page, flow, editor) = Start(browser);
            await flow.AddAccountsAsync();
            await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
            await flow.SignInAsync(ReviewFlow.ApproverEmail);
            await OpenNewestAsync(flow, page);
            await DecideAsync(page, "reject", "Canada is served by the partner CDN; do not redirect it.");
            await Assertions.Expect(page.Locator("[data-testid=decision-result]")).ToHaveTextAsync("Rejected: its author sees your reason.");
            await flow.SignOutAsync();

            await flow.SignInAsync(ReviewFlow.EditorEmail);
            await editor.OpenDraftAsync();
            var banner = page.Locator("[data-testid=lifecycle-banner][data-state=Rejected]");
            await Assertions.Expect(banner).ToContainTextAsync("Rejected — reopen to edit it again, or abandon it.");
            await Assertions.Expect(banner.Locator("[data-testid=decision-text]"))
                .ToHaveTextAsync($"{ReviewFlow.ApproverEmail}: Canada is served by the partner CDN; do not redirect it.");
            await Assertions.Expect(banner.Locator("[data-action=abandon]")).ToBeVisibleAsync();
            await browser.ScreenshotAsync("62-lifecycle-rejected-in-editor");

            await banner.Locator("[data-action=reopen]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-action=save]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=lifecycle-banner]")).ToHaveCountAsync(0);
        }, "zz-lifecycle-rejected-failure");
    }

    [Fact]
    public async Task Editor_ChangesRequested_AuthorEditsAndResubmits()
    {
        await RunScenarioAsync(async browser =>
        {
            var (page, flow, editor) = Start(browser);
            await flow.AddAccountsAsync();
            await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");
            await flow.SignInAsync(ReviewFlow.ApproverEmail);
            await OpenNewestAsync(flow, page);
            await DecideAsync(page, "request-changes", "Send the US to its own site as well.");
            await Assertions.Expect(page.Locator("[data-testid=state-chip]")).ToHaveTextAsync("Changes requested");
            await flow.SignOutAsync();

            await flow.SignInAsync(ReviewFlow.EditorEmail);
            await editor.OpenDraftAsync();
            var banner = page.Locator("[data-testid=lifecycle-banner][data-state=ChangesRequested]");
            await Assertions.Expect(banner).ToContainTextAsync("Changes requested — edit and resubmit.");
            await Assertions.Expect(banner.Locator("[data-testid=decision-text]")).ToHaveTextAsync($"{ReviewFlow.ApproverEmail}: Send the US to its own site as well.");
            await browser.ScreenshotAsync("63-lifecycle-changes-requested-in-editor");
            await editor.TabAsync("Redirects");
            await editor.AddRedirectAsync("us", "https://us.example.com/", "US");
            await editor.SaveAsync();
            await editor.SubmitAsync("Canada and the US, as asked.");
            await Assertions.Expect(page.Locator("[data-testid=lifecycle-banner][data-state=InReview]")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("[data-testid=thread-comment][data-kind=ChangesRequested]")).ToContainTextAsync("Send the US to its own site as well.");
        }, "zz-lifecycle-changes-requested-failure");
    }

    [Fact]
    public async Task Review_TwoApprovalsRequired_ShowsOneOfTwoAndAnEditDropsTheFirst()
    {
        await RunScenarioAsync(async browser =>
        {
            var (page, flow, editor) = Start(browser);
            await RequireApprovalsAsync(2);
            await Portal.AddUserAsync(SecondApproverEmail, "Approver", ReviewFlow.Password);
            await flow.AddAccountsAsync();
            await flow.SubmitRedirectAsync("ca", "https://ca.example.com/", "CA");

            await flow.SignInAsync(ReviewFlow.ApproverEmail);
            await OpenNewestAsync(flow, page);
            await Assertions.Expect(page.Locator("[data-testid=approval-count]")).ToHaveTextAsync("0 of 2 approvals");
            await DecideAsync(page, "approve", "");
            await Assertions.Expect(page.Locator("[data-testid=decision-result]")).ToHaveTextAsync("Approval recorded; the change set needs more approvals.");
            await Assertions.Expect(page.Locator("[data-testid=approval-count]")).ToHaveTextAsync("1 of 2 approvals");
            await Assertions.Expect(page.Locator("[data-testid=approve]")).ToHaveCountAsync(0);
            await browser.ScreenshotAsync("64-lifecycle-one-of-two");
            await flow.SignOutAsync();

            // The author changes it after the first approval: the approval is dropped, and the reviewer is told.
            await flow.SignInAsync(ReviewFlow.EditorEmail);
            await editor.OpenDraftAsync();
            await Assertions.Expect(page.Locator("[data-testid=approval-count]")).ToHaveTextAsync("1 of 2 approvals");
            await page.ClickAsync("[data-action=withdraw]");
            await editor.TabAsync("Redirects");
            await editor.AddRedirectAsync("us", "https://us.example.com/", "US");
            await editor.SaveAsync();
            await editor.SubmitAsync("Canada and the US.");
            await flow.SignOutAsync();

            await flow.SignInAsync(ReviewFlow.ApproverEmail);
            await OpenNewestAsync(flow, page);
            await Assertions.Expect(page.Locator("[data-testid=approval-count]")).ToHaveTextAsync("0 of 2 approvals");
            await Assertions.Expect(page.Locator("[data-testid=approvals-dropped]"))
                .ToHaveTextAsync($"The approval ({ReviewFlow.ApproverEmail}) dropped: {ReviewFlow.EditorEmail} withdrew the change set to edit it.");
            await browser.ScreenshotAsync("65-lifecycle-approval-dropped");
            await DecideAsync(page, "approve", "");
            await Assertions.Expect(page.Locator("[data-testid=approval-count]")).ToHaveTextAsync("1 of 2 approvals");
            await flow.SignOutAsync();

            await flow.SignInAsync(SecondApproverEmail);
            await OpenNewestAsync(flow, page);
            await DecideAsync(page, "approve", "Second pair of eyes.");
            await Assertions.Expect(page.Locator("[data-testid=decision-result]")).ToHaveTextAsync("Approved — ready to publish.");
            await Assertions.Expect(page.Locator("[data-testid=approval-count]")).ToHaveTextAsync("2 of 2 approvals");
            await Assertions.Expect(page.Locator("[data-testid=approved]")).ToContainTextAsync("revision #2");
            await browser.ScreenshotAsync("66-lifecycle-two-of-two-approved");
        }, "zz-lifecycle-two-approvals-failure");
    }

    private static (IPage Page, ReviewFlow Flow, EditorPage Editor) Start(BrowserSession browser) =>
        (browser.Page, new ReviewFlow(browser.Page), new EditorPage(browser.Page));

    /// <summary>From the change sets list (in review by default) to the newest change set's review page.</summary>
    private static async Task OpenNewestAsync(ReviewFlow flow, IPage page)
    {
        await flow.NavigateAsync("Change sets");
        await page.Locator("[data-testid=change-sets-table] a").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=review-title]");
    }

    /// <summary>Clicks a decision button, writes the text in its dialog and confirms.</summary>
    private static async Task DecideAsync(IPage page, string button, string text)
    {
        await page.ClickAsync($"[data-testid={button}]");
        if (text.Length > 0)
        {
            await page.FillAsync(EditorPage.Field("decision-text"), text);
        }
        await page.ClickAsync("[data-testid=decision-confirm]");
    }

    /// <summary>Stands in for an admin setting the target's approval count on the Targets page (another change adds the field).</summary>
    private async Task RequireApprovalsAsync(int count)
    {
        await using var connection = new SqliteConnection($"Data Source={Portal.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE Targets SET ApprovalsRequired = $count WHERE Id = 'local'";
        command.Parameters.AddWithValue("$count", count);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}

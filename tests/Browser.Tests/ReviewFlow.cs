using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// How a change reaches a target in the browser, done by the people who do it: the admin adds the accounts,
/// an editor drafts and submits, an approver (not the author) approves and publishes.
/// </summary>
public sealed class ReviewFlow(IPage page)
{
    public const string EditorEmail = "editor@example.com";
    public const string ApproverEmail = "approver@example.com";
    public const string Password = "Flow-Test-Passw0rd!";

    private readonly EditorPage _editor = new(page);

    /// <summary>Signs in, then opens a page that marks when the circuit is up, so the nav links below navigate inside it.</summary>
    public async Task SignInAsync(string email, string password = Password)
    {
        await _editor.SignInAsync(email, password);
        await page.GotoAsync("targets");
        await _editor.WaitUntilInteractiveAsync();
    }

    public async Task SignOutAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Clicks a link of the navigation menu, as a person moves between pages.</summary>
    public Task NavigateAsync(string link) => page.Locator(".mud-nav-link", new() { HasText = link }).First.ClickAsync();

    /// <summary>As the admin: adds the editor and the approver with known passwords, then signs out.</summary>
    public async Task AddAccountsAsync()
    {
        await SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await NavigateAsync("Users");
        await AddUserAsync(EditorEmail, "Editor");
        await AddUserAsync(ApproverEmail, "Approver");
        await SignOutAsync();
    }

    /// <summary>As the editor: a redirect for Canada, saved and submitted for approval.</summary>
    public async Task SubmitRedirectAsync(string id, string location, string country)
    {
        await SignInAsync(EditorEmail);
        await _editor.OpenDraftAsync();
        await _editor.TabAsync("Redirects");
        await _editor.AddRedirectAsync(id, location, country);
        await _editor.SaveAsync();
        await _editor.SubmitAsync();
        await SignOutAsync();
    }

    /// <summary>As the approver: opens the submitted change set from the list and approves it; stays signed in.</summary>
    public async Task ApproveAsync(int expectedRevision)
    {
        await SignInAsync(ApproverEmail);
        await NavigateAsync("Change sets");
        await page.Locator("[data-testid=change-sets-table] a").First.ClickAsync();
        await page.ClickAsync("[data-testid=approve]");
        await page.ClickAsync("[data-testid=decision-confirm]");
        await Assertions.Expect(page.Locator("[data-testid=decision-result]")).ToHaveTextAsync("Approved — ready to publish.");
        await Assertions.Expect(page.Locator("[data-testid=approved]")).ToContainTextAsync($"revision #{expectedRevision}");
    }

    /// <summary>Opens the local target's publish page and publishes the revision after its confirmation dialog.</summary>
    public async Task PublishAsync(int revision)
    {
        await NavigateAsync("Publish");
        await page.ClickAsync($"[data-testid=publish-{revision}]");
        await page.ClickAsync("[data-testid=confirm-publish]");
        await Assertions.Expect(page.Locator("[data-testid=publish-message]")).ToContainTextAsync($"Revision #{revision} was queued as deployment");
    }

    private async Task AddUserAsync(string email, string role)
    {
        await page.FillAsync("[data-testid=new-email]", email);
        await page.Locator(".mud-select", new() { HasText = "Role" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = role }).First.ClickAsync();
        await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator(".mud-input-control", new() { HasText = "Password" }).Locator("input").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=add-user-done]")).ToContainTextAsync($"Added {email} as {role}.");
    }
}

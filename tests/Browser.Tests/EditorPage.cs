using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>What an operator does on the rule editor, in the words of the page (its data attributes and labels).</summary>
public sealed class EditorPage(IPage page)
{
    public IPage Page => page;

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    public async Task OpenRulesAsync(string target = "local")
    {
        await page.GotoAsync($"rules/{target}");
        await WaitUntilInteractiveAsync();
    }

    public async Task OpenDraftAsync(string target = "local")
    {
        await OpenRulesAsync(target);
        await page.ClickAsync("[data-action=edit]");
        await WaitUntilInteractiveAsync();
        await page.WaitForSelectorAsync("[data-role=draft-toolbar]");
    }

    /// <summary>Prerendered HTML looks ready before the circuit is; the pages mark when clicks will land.</summary>
    public Task WaitUntilInteractiveAsync() => page.WaitForSelectorAsync("[data-interactive=true]");

    /// <summary>Waits until the rule list shows exactly these ids, in this order.</summary>
    public async Task ExpectRuleIdsAsync(params string[] ids)
    {
        var rows = page.Locator("tr[data-rule-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToHaveAttributeAsync("data-rule-id", ids[i]);
        }
    }

    public async Task TabAsync(string name)
    {
        await page.Locator(".mud-tab", new() { HasText = name }).First.ClickAsync();
        // A rule section's tab is ready when its list is the one on the page.
        if (name is "Access" or "Redirects" or "Origins" or "Cache")
        {
            await page.Locator($".rule-list[data-section={name.ToLowerInvariant()}]").WaitForAsync();
        }
    }

    /// <summary>Picks an item of a MudSelect whose input carries <paramref name="field"/>.</summary>
    public async Task SelectAsync(string field, string itemText)
    {
        await page.Locator($".mud-select:has([data-field={field}])").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = itemText }).First.ClickAsync();
        await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public Task FillAsync(string field, string value) => page.FillAsync($"[data-field={field}]", value);

    public async Task AddCountriesAsync(string countries)
    {
        await page.FillAsync("[data-field=countries]", countries);
        await page.PressAsync("[data-field=countries]", "Enter");
    }

    /// <summary>The error under a field, or "" when it has none.</summary>
    public async Task<string> FieldErrorAsync(string field)
    {
        var error = page.Locator($".mud-input-control:has([data-field={field}]) .mud-input-helper-text.mud-input-error");
        return await error.CountAsync() == 0 ? "" : (await error.First.InnerTextAsync()).Trim();
    }

    public async Task SaveAsync()
    {
        await page.ClickAsync("[data-action=save]");
        await page.WaitForSelectorAsync("[data-role=saved]");
    }

    /// <summary>Submits through the submit dialog (title kept as prefilled unless given; the description is required) and waits for the answer.</summary>
    public async Task SubmitAsync(string description = "Sends viewers to their country's site.", string? title = null)
    {
        await page.ClickAsync("[data-action=submit]");
        if (title is not null)
        {
            await page.FillAsync(Field("submit-title"), title);
        }
        await page.FillAsync(Field("submit-description"), description);
        await page.ClickAsync("[data-testid=submit-confirm]");
        await Assertions.Expect(page.Locator(".mud-snackbar", new() { HasText = "Draft submitted for review." })).ToBeVisibleAsync();
    }

    /// <summary>The input of a MudBlazor text field by its test id, wherever MudBlazor puts the attribute.</summary>
    public static string Field(string testId) =>
        $"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea";

    /// <summary>Adds a rule and waits until the editor panel shows it, so typing lands in the new rule.</summary>
    public async Task AddRuleAsync()
    {
        var rows = page.Locator("tr[data-rule-id]");
        var before = await rows.CountAsync();
        await page.ClickAsync("[data-action=add]");
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        var id = await rows.Nth(before).GetAttributeAsync("data-rule-id");
        await Assertions.Expect(page.Locator("[data-field=id]")).ToHaveValueAsync(id!);
    }

    public async Task AddRedirectAsync(string id, string location, string country)
    {
        await AddRuleAsync();
        await FillAsync("id", id);
        await FillAsync("location", location);
        await AddCountriesAsync(country);
        await SelectAsync("status", "301");
    }
}

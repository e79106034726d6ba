using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>What an Admin does on the Targets pages: add an AWS target on the emulator's distribution, adopting its geo restriction.</summary>
public sealed class TargetForms(IPage page)
{
    public const string FunctionName = "edge-rules";
    public const string DistributionId = "EDFDVBD6EXAMPLE";

    /// <summary>From the Targets page: fills the form, reads the distribution, adopts its geo restriction and saves.</summary>
    public async Task AddProductionAsync(string? requires = null)
    {
        await page.ClickAsync("[data-testid=add-target]");
        await page.WaitForSelectorAsync("[data-testid=target-form]");
        await page.FillAsync("[data-testid=target-id]", "prod");
        await page.FillAsync("[data-testid=target-name]", "Production");
        await page.FillAsync("[data-testid=target-function]", FunctionName);
        await page.FillAsync("[data-testid=target-distribution]", DistributionId);
        await page.ClickAsync("[data-testid=read-distribution]");
        await Assertions.Expect(page.Locator("[data-testid=distribution-geo]")).ToHaveTextAsync($"Distribution {DistributionId}'s geo restriction: allows only US, CA, GB, DE.", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("[data-testid=distribution-reading] input[type=checkbox]")).ToBeCheckedAsync();
        if (requires is not null)
        {
            await page.Locator(".mud-select", new() { HasText = "Must be live first on" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"({requires})" }).First.ClickAsync();
            await page.Locator(".mud-popover-open").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        await page.ClickAsync("[data-testid=target-save]");
        await Assertions.Expect(page.Locator("[data-testid=targets-message]")).ToContainTextAsync("Saved target prod.", new() { Timeout = 15_000 });
    }
}

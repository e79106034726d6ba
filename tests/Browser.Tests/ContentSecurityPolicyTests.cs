using System.Text;
using Microsoft.Playwright;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// Every page under the portal's Content-Security-Policy, as an Admin, with the circuit connected: no violation
/// (neither a <c>securitypolicyviolation</c> event nor a console message). And the import that streams its text:
/// a 200 KB paste imports, an oversized one and a non-UTF-8 file get a sentence, and the circuit survives them.
/// </summary>
public sealed class ContentSecurityPolicyTests : PortalBrowserTest
{
    private const string CollectViolations =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));";

    [Fact]
    public async Task EveryPage_AsAdmin_NoContentSecurityPolicyViolation()
    {
        await RunScenarioAsync(VisitEveryPageAsync, "zz-csp-failure");
    }

    [Fact]
    public async Task Import_Paste200KilobytesAndTooLargeAndNotUtf8_ImportsOrSaysWhy()
    {
        await RunScenarioAsync(ImportLargeDocumentsAsync, "zz-import-large-failure");
    }

    private static async Task VisitEveryPageAsync(BrowserSession browser)
    {
        var console = new List<string>();
        browser.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.Contains("Refused to", StringComparison.Ordinal))
            {
                console.Add(message.Text);
            }
        };
        await browser.Page.AddInitScriptAsync(CollectViolations);
        var visited = new List<string>();
        async Task VisitAsync(string path)
        {
            await browser.Page.GotoAsync(path);
            await browser.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The circuit's scripts run after load; give MudBlazor's a moment to write their styles.
            await browser.Page.WaitForTimeoutAsync(500);
            var violations = await browser.Page.EvaluateAsync<string[]>("window.__cspViolations");
            Assert.True(violations.Length == 0 && console.Count == 0, $"{path}: {string.Join("; ", violations.Concat(console))}");
            visited.Add(path);
        }

        await VisitAsync("account/login");
        var page = new EditorPage(browser.Page);
        await page.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await page.OpenDraftAsync();
        await page.TabAsync("Redirects");
        await page.AddRedirectAsync("ca", "https://ca.example.com/", "CA");
        await page.SaveAsync();
        foreach (var path in (string[])["", "rules", "rules/local", "rules/local/draft", "change-sets", "change-sets/1", "targets", "targets/local",
                     "audit", "users", "api", "api-tokens", "account/change-password", "account/access-denied", "not-found", "no-such-page"])
        {
            await VisitAsync(path);
        }
        Assert.Equal(17, visited.Count);
        // The draft editor uses the circuit: a violation would have stopped it from rendering the saved rule.
        await browser.Page.GotoAsync("rules/local/draft");
        await page.WaitUntilInteractiveAsync();
        await page.TabAsync("Redirects");
        await page.ExpectRuleIdsAsync("ca");
    }

    private static async Task ImportLargeDocumentsAsync(BrowserSession browser)
    {
        var page = new EditorPage(browser.Page);
        await page.SignInAsync(PortalProcess.AdminEmail, PortalProcess.AdminPassword);
        await page.OpenDraftAsync();
        var json = CacheDocument(2_000);
        Assert.True(Encoding.UTF8.GetByteCount(json) > 200 * 1024, "the document should be over 200 KB");

        await browser.Page.ClickAsync("[data-action=import]");
        await browser.Page.WaitForSelectorAsync("[data-field=import-json]");
        // Typed in and clicked by script: Playwright's own fill and click wait for a 17 MB textarea to settle for minutes.
        await browser.Page.EvaluateAsync("() => { document.querySelector('[data-field=import-json]').value = 'x'.repeat(17 * 1024 * 1024); document.querySelector('[data-action=import-confirm]').click(); }");
        await Assertions.Expect(browser.Page.Locator("[data-role=import-problems]")).ToContainTextAsync("a rules document may be at most 16,777,216 bytes", new() { Timeout = 60_000 });

        var latin1 = Encoding.Latin1.GetBytes("{\"schema\": \"edgeportal.rules/v1\", \"cache\": [{\"id\": \"c\", \"path\": \"/x\", \"description\": \"café\"}]}");
        await browser.Page.SetInputFilesAsync(".mud-dialog input[type=file]", new FilePayload { Name = "latin1.json", MimeType = "application/json", Buffer = latin1 });
        await Assertions.Expect(browser.Page.Locator("[data-role=import-problems]")).ToContainTextAsync("the document is not UTF-8 text");

        // As a paste puts it there (Playwright's fill of 200 KB takes longer than its timeout on these machines).
        await browser.Page.EvaluateAsync("json => document.querySelector('[data-field=import-json]').value = json", json);
        await browser.Page.ClickAsync("[data-action=import-confirm]");
        await Assertions.Expect(browser.Page.Locator("[data-role=import-dialog]")).ToHaveCountAsync(0, new() { Timeout = 60_000 });
        await Assertions.Expect(browser.Page.Locator("[data-role=saved]")).ToBeVisibleAsync();
        await page.TabAsync("Cache");
        await Assertions.Expect(browser.Page.Locator("tr[data-rule-id=cache-0]")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("30-import-200kb");
    }

    private static string CacheDocument(int rules)
    {
        var text = new StringBuilder("{\n  \"schema\": \"edgeportal.rules/v1\",\n  \"cache\": [\n");
        for (var i = 0; i < rules; i++)
        {
            text.Append(i == 0 ? "" : ",\n").Append("    {\"id\": \"cache-").Append(i).Append("\", \"description\": \"Assets of section ").Append(i)
                .Append("\", \"path\": \"/section-").Append(i).Append("/assets/*\", \"maxAge\": 3600, \"public\": true}");
        }
        return text.Append("\n  ]\n}\n").ToString();
    }
}

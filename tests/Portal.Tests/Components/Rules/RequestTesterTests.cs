using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class RequestTesterTests : RuleEditorTestContext
{
    private static readonly RulesDocument Seed = new()
    {
        Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA", "GB", "DE"] },
        Redirects = [Redirect("ca", "https://ca.example.com/")with { Countries = ["CA"] }],
    };

    [Fact]
    public void RequestTester_DraftAndLive_AnswerSideBySide()
    {
        var tester = Render<RequestTester>(p => p.Add(t => t.Draft, Seed).Add(t => t.Live, RulesDocument.Empty));

        tester.Find("[data-field=country]").Change("CA");
        tester.Find("[data-field=uri]").Change("/shows/42");
        tester.Find("[data-action=run-test]").Click();

        var draft = tester.Find("[data-side=draft]");
        var live = tester.Find("[data-side=live]");
        Assert.Equal("Redirect 301", draft.QuerySelector("[data-role=action]")!.TextContent.Trim());
        Assert.Contains("location: https://ca.example.com/", draft.QuerySelector("[data-role=response]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Forwarded", live.QuerySelector("[data-role=action]")!.TextContent.Trim());
        Assert.NotEmpty(draft.QuerySelectorAll("[data-role=trace] li"));
        Assert.NotNull(tester.Find("[data-role=different-answer]"));
    }

    [Fact]
    public void RequestTester_BlockedCountry_ShowsTheBlockedResponse()
    {
        var tester = Render<RequestTester>(p => p.Add(t => t.Draft, Seed).Add(t => t.Live, Seed));

        tester.Find("[data-field=country]").Change("FR");
        tester.Find("[data-action=run-test]").Click();

        var draft = tester.Find("[data-side=draft]");
        Assert.Equal("Blocked 403", draft.QuerySelector("[data-role=action]")!.TextContent.Trim());
        Assert.Contains("This content is not available in your country.", draft.TextContent, StringComparison.Ordinal);
        Assert.NotNull(tester.Find("[data-role=same-answer]"));
    }

    [Fact]
    public void RequestTester_UriWithoutSlash_SaysWhatIsWrong()
    {
        var tester = Render<RequestTester>(p => p.Add(t => t.Draft, Seed).Add(t => t.Live, Seed));

        tester.Find("[data-field=uri]").Change("shows");
        tester.Find("[data-action=run-test]").Click();

        tester.WaitForAssertion(() => Assert.Contains("The URI starts with /", FieldText(tester, "uri"), StringComparison.Ordinal));
        Assert.Empty(tester.FindAll("[data-side]"));
    }
}

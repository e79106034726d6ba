using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class DiffAndLintTests : RuleEditorTestContext
{
    [Fact]
    public void DiffView_ChangedLocation_ShowsASentenceAndTheFieldBeforeAndAfter()
    {
        var before = new RulesDocument { Redirects = [Redirect("ca", "https://ca.example.com/")] };
        var after = new RulesDocument { Redirects = [Redirect("ca", "https://canada.example.com/")] };

        var diff = Render<DiffView>(p => p.Add(d => d.Before, before).Add(d => d.After, after));

        Assert.Contains("ca", diff.Find(".diff-sentences").TextContent, StringComparison.Ordinal);
        var row = diff.FindAll(".diff-fields tbody tr").Single();
        Assert.Contains("location", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://ca.example.com/", row.QuerySelector(".diff-before")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://canada.example.com/", row.QuerySelector(".diff-after")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DiffView_SameDocument_SaysThereIsNoChange()
    {
        var document = new RulesDocument { Redirects = [Redirect("ca")] };

        var diff = Render<DiffView>(p => p.Add(d => d.Before, document).Add(d => d.After, document));

        Assert.Contains("No changes", diff.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void LintPanel_ShadowedRedirect_LinksToTheRuleItNames()
    {
        var document = new RulesDocument { Redirects = [Redirect("all"), Redirect("never", path: "/shows/*")] };
        ProblemLocation? navigated = null;

        var lint = Render<LintPanel>(p => p.Add(l => l.Document, document).Add(l => l.OnNavigate, l => navigated = l));
        lint.WaitForElement("[data-code=shadowed-rule]").Click();

        // The click reaches the panel's handler asynchronously.
        lint.WaitForAssertion(() => Assert.Equal(new ProblemLocation("redirects", 1, null), navigated));
    }
}

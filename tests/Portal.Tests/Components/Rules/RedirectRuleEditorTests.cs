using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class RedirectRuleEditorTests : RuleEditorTestContext
{
    [Fact]
    public void SectionEditor_HttpLocation_ShowsTheErrorOnTheLocationField()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca"), Redirect("us", "http://us.example.com/")] });
        session.Select(RuleSection.Redirects, 1);

        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        Assert.Contains("https://", FieldError(editor, "location") ?? "", StringComparison.Ordinal);
        Assert.Null(FieldError(editor, "path"));
        Assert.Null(FieldError(editor, "id"));
    }

    [Fact]
    public void SectionEditor_FixingTheLocation_ClearsTheError()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("us", "http://us.example.com/")] });
        session.Select(RuleSection.Redirects, 0);
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("[data-field=location]").Input("https://us.example.com/");

        editor.WaitForAssertion(() => Assert.Null(FieldError(editor, "location")));
        Assert.Equal("https://us.example.com/", session.Document.Redirects[0].Location);
        Assert.Equal(0, session.Problems.Count);
    }

    [Fact]
    public void SectionEditor_TypingAnId_MarksOnlyTheIdField()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca")] });
        session.Select(RuleSection.Redirects, 0);
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("[data-field=id]").Input("Not Valid!");

        editor.WaitForAssertion(() => Assert.NotNull(FieldError(editor, "id")));
        Assert.Null(FieldError(editor, "location"));
        Assert.Contains(session.Problems.All, p => p.Pointer == "/redirects/0/id");
    }

    [Fact]
    public void RedirectRuleEditor_AppendPathAndKeepQuery_ShowTheResultingLocation()
    {
        var rule = Redirect("ca", "https://ca.example.com/") with { AppendPath = true };

        var editor = Render<RedirectRuleEditor>(p => p.Add(e => e.Rule, rule));

        Assert.Equal("Example: /shows/42?lang=en → 301 https://ca.example.com/shows/42?lang=en",
            editor.Find("[data-role=example]").TextContent.Trim());
    }
}

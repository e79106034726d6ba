using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class RuleListTests : RuleEditorTestContext
{
    [Fact]
    public void SectionEditor_Add_AppendsASelectedRuleWithTheNextPrecedence()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca")] });
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("[data-action=add]").Click();

        editor.WaitForAssertion(() => Assert.Equal(2, session.Document.Redirects.Count));
        var rows = editor.FindAll("tr[data-rule-id]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("selected", rows[1].ClassName, StringComparison.Ordinal);
        Assert.Equal("2", rows[1].QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("Redirect 2 of 2", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionEditor_DeleteConfirmed_RemovesTheRule()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca"), Redirect("us")] });
        var dialogs = RenderDialogs();
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("tr[data-rule-id=ca] [data-action=delete]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete redirect \"ca\"?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        editor.WaitForAssertion(() => Assert.Single(editor.FindAll("tr[data-rule-id]")));
        Assert.Equal(["us"], session.Document.Redirects.Select(r => r.Id));
    }

    [Fact]
    public void SectionEditor_DeleteCancelled_KeepsTheRule()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca"), Redirect("us")] });
        var dialogs = RenderDialogs();
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("tr[data-rule-id=ca] [data-action=delete]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete redirect", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Delete redirect", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal(["ca", "us"], session.Document.Redirects.Select(r => r.Id));
        Assert.Equal(2, editor.FindAll("tr[data-rule-id]").Count);
    }

    [Fact]
    public void SectionEditor_MoveDown_ChangesPrecedence()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca"), Redirect("us"), Redirect("gb")] });
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("tr[data-rule-id=ca] [data-action=down]").Click();

        editor.WaitForAssertion(() => Assert.Equal(["us", "ca", "gb"], session.Document.Redirects.Select(r => r.Id)));
        var rows = editor.FindAll("tr[data-rule-id]");
        Assert.Equal(["us", "ca", "gb"], rows.Select(r => r.GetAttribute("data-rule-id")));
        Assert.Equal("2", rows[1].QuerySelector("td")!.TextContent.Trim());
    }

    [Fact]
    public void SectionEditor_Duplicate_InsertsACopyWithAFreshIdAfterTheOriginal()
    {
        var session = Open(new RulesDocument { Redirects = [Redirect("ca"), Redirect("us")] });
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Redirects));

        editor.Find("tr[data-rule-id=ca] [data-action=duplicate]").Click();

        editor.WaitForAssertion(() => Assert.Equal(["ca", "ca-copy", "us"], session.Document.Redirects.Select(r => r.Id)));
        Assert.Equal(session.Document.Redirects[0].Location, session.Document.Redirects[1].Location);
    }

    [Fact]
    public void RuleList_LargeSection_RendersOnePageAndSearchesAllOfIt()
    {
        var rules = Enumerable.Range(0, 10_000).Select(i => Redirect($"title-{i}", path: $"/titles/{i}/*")).ToArray();
        var list = Render<RuleList>(p => p
            .Add(l => l.Section, RuleSection.Redirects)
            .Add(l => l.Document, new RulesDocument { Redirects = [.. rules] }));

        Assert.Equal(RuleList.PageSize, list.FindAll("tr[data-rule-id]").Count);

        list.Find("[data-role=rule-search]").Input("title-9876");

        list.WaitForAssertion(() => Assert.Equal("title-9876", list.Find("tr[data-rule-id]").GetAttribute("data-rule-id")));
        Assert.Equal("9877", list.Find("tr[data-rule-id] td").TextContent.Trim());
    }
}

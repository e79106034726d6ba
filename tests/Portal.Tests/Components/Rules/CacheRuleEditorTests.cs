using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class CacheRuleEditorTests : RuleEditorTestContext
{
    private static readonly CacheRule Video = new()
    {
        Id = "video", Path = "/video/*", MaxAge = 86400, SMaxAge = 604800, StaleWhileRevalidate = 300, StaleIfError = 86400,
    };

    [Fact]
    public void CacheRuleEditor_Preview_ShowsTheHeaderInContractOrder()
    {
        var editor = Render<CacheRuleEditor>(p => p.Add(e => e.Rule, Video with { Public = true, Immutable = true }));

        Assert.Equal("cache-control: public, max-age=86400, s-maxage=604800, stale-while-revalidate=300, stale-if-error=86400, immutable",
            editor.Find("[data-role=cache-control]").TextContent.Trim());
    }

    [Fact]
    public void CacheRuleEditor_Durations_ReadAsPeopleSayThem()
    {
        var editor = Render<CacheRuleEditor>(p => p.Add(e => e.Rule, Video));

        Assert.Contains("1 day", FieldText(editor, "maxAge"), StringComparison.Ordinal);
        Assert.Contains("7 days", FieldText(editor, "sMaxAge"), StringComparison.Ordinal);
        Assert.Contains("5 minutes", FieldText(editor, "staleWhileRevalidate"), StringComparison.Ordinal);
        Assert.Contains("Browsers keep it for 1 day.", editor.Find("[data-role=cache-preview]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SectionEditor_TypingMaxAge_UpdatesThePreview()
    {
        var session = Open(new RulesDocument { Cache = [new CacheRule { Id = "api", Path = "/api/*", MaxAge = 60 }] });
        session.Select(RuleSection.Cache, 0);
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Cache));

        editor.Find("[data-field=maxAge]").Input("3600");

        editor.WaitForAssertion(() =>
            Assert.Equal("cache-control: max-age=3600", editor.Find("[data-role=cache-control]").TextContent.Trim()));
        Assert.Contains("1 hour", FieldText(editor, "maxAge"), StringComparison.Ordinal);
        Assert.Equal(3600, session.Document.Cache[0].MaxAge);
    }

    [Fact]
    public void SectionEditor_NoStoreWithMaxAge_ShowsTheConflictAndAPreviewOfNoStore()
    {
        var session = Open(new RulesDocument { Cache = [new CacheRule { Id = "api", Path = "/api/*", MaxAge = 60 }] });
        session.Select(RuleSection.Cache, 0);
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Cache));

        editor.Find("[data-field=noStore]").Change(true);

        editor.WaitForAssertion(() =>
            Assert.Equal("cache-control: no-store, max-age=60", editor.Find("[data-role=cache-control]").TextContent.Trim()));
        Assert.NotEmpty(session.Problems.ForRule(RuleSection.Cache, 0).All);
        Assert.NotNull(editor.Find("tr[data-rule-id=api] [data-role=rule-problem]"));
    }
}

using Bunit;
using EdgePortal.Portal.Components.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Components.Rules;

public sealed class OriginRuleEditorTests : RuleEditorTestContext
{
    private static readonly OriginRule Library = new() { Id = "eu", Path = "/library/*", DomainName = "eu-library.example.com" };

    [Fact]
    public void SectionEditor_HttpWithoutAllowInsecure_ShowsTheErrorOnTheProtocolField()
    {
        var session = Open(new RulesDocument { Origins = [Library with { Protocol = OriginProtocol.Http }] });
        session.Select(RuleSection.Origins, 0);

        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Origins));

        Assert.Contains("allowInsecure", FieldError(editor, "protocol") ?? "", StringComparison.Ordinal);
        Assert.Null(FieldError(editor, "port"));
        Assert.Null(FieldError(editor, "domainName"));
    }

    [Fact]
    public void SectionEditor_SwitchingOnAllowHttp_ClearsTheProtocolError()
    {
        var session = Open(new RulesDocument { Origins = [Library with { Protocol = OriginProtocol.Http, Port = 80 }] });
        session.Select(RuleSection.Origins, 0);
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Origins));

        editor.Find("[data-field=allowInsecure]").Change(true);

        editor.WaitForAssertion(() => Assert.Null(FieldError(editor, "protocol")));
        Assert.True(session.Document.Origins[0].AllowInsecure);
        Assert.Equal(0, session.Problems.Count);
    }

    [Fact]
    public void SectionEditor_PortOutOfRange_ShowsTheErrorOnThePortFieldOnly()
    {
        var session = Open(new RulesDocument { Origins = [Library] });
        session.Select(RuleSection.Origins, 0);
        var editor = Render<SectionEditor>(p => p.Add(e => e.Section, RuleSection.Origins));

        editor.Find("[data-field=port]").Input("70000");

        editor.WaitForAssertion(() => Assert.Contains("1 to 65535", FieldError(editor, "port") ?? "", StringComparison.Ordinal));
        Assert.Equal(70000, session.Document.Origins[0].Port);
        Assert.Contains(session.Problems.All, p => p.Pointer == "/origins/0/port");
        Assert.Null(FieldError(editor, "protocol"));
    }

    [Fact]
    public void OriginRuleEditor_PortAndProtocol_ShowTheUrlRequestsGoTo()
    {
        var rule = Library with { OriginPath = "/eu", Port = 8080, Protocol = OriginProtocol.Http, AllowInsecure = true };

        var editor = Render<OriginRuleEditor>(p => p.Add(e => e.Rule, rule));

        Assert.Contains("go to http://eu-library.example.com:8080/eu as a new custom origin", editor.Find("[data-role=example]").TextContent, StringComparison.Ordinal);
    }
}

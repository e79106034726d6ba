using EdgePortal.Rules.Document;
using static EdgePortal.Rules.Tests.Document.ParseAssert;

namespace EdgePortal.Rules.Tests.Document;

/// <summary>An origin rule's optional port, protocol and allowInsecure in JSON: read, checked for kind, written in order.</summary>
public class OriginTransportJsonTests
{
    private const string Canonical = """
        {
          "schema": "edgeportal.rules/v1",
          "origins": [
            {
              "id": "plain",
              "path": "/plain/*",
              "domainName": "plain.example.com",
              "originPath": "/v2",
              "port": 8080,
              "protocol": "http",
              "allowInsecure": true
            }
          ]
        }

        """;

    [Fact]
    public void Parse_PortProtocolAllowInsecure_ReadsThem()
    {
        var result = RulesDocumentJson.Parse(Canonical);

        Assert.Empty(result.Problems);
        var rule = Assert.Single(result.Document!.Origins);
        Assert.Equal(8080, rule.Port);
        Assert.Equal(OriginProtocol.Http, rule.Protocol);
        Assert.True(rule.AllowInsecure);
    }

    [Fact]
    public void Serialize_PortProtocolAllowInsecure_WritesThemAfterOriginPath()
    {
        var document = RulesDocumentJson.Parse(Canonical).Document!;

        Assert.Equal(Canonical, RulesDocumentJson.Serialize(document));
    }

    [Fact]
    public void Serialize_OriginRuleWithoutThem_WritesNoneOfThem()
    {
        var document = new RulesDocument { Origins = [new OriginRule { Id = "eu", Path = "/*", DomainName = "eu.example.com" }] };

        var text = RulesDocumentJson.Serialize(document);

        Assert.DoesNotContain("\"port\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"protocol\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"allowInsecure\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"port\": \"443\"", "/origins/0/port", "port must be a whole number from 1 to 65535, not the string \"443\"")]
    [InlineData("\"port\": 80.5", "/origins/0/port", "from 1 to 65535, not 80.5")]
    [InlineData("\"protocol\": \"HTTPS\"", "/origins/0/protocol", "protocol must be one of https, http, not the string \"HTTPS\"")]
    [InlineData("\"allowInsecure\": \"yes\"", "/origins/0/allowInsecure", "allowInsecure must be true or false")]
    [InlineData("\"protocl\": \"https\"", "/origins/0/protocl", "(did you mean 'protocol'?)")]
    public void Parse_BadTransportValue_NamesTheField(string member, string pointer, string fragment) =>
        SingleProblem(Doc("\"origins\": [{\"id\": \"o\", \"path\": \"/*\", \"domainName\": \"o.example.com\", " + member + "}]"), pointer, fragment);
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Document;

public class RulesDocumentJsonAllProblemsTests
{
    private const string Broken = """
        {
          "cache": [ { "id": "api", "path": "/api/*", "noStore": true, "maxAge": 60 } ],
          "schema": "edgeportal.rules/v1",
          "redirects": [
            { "id": "ca", "path": "/*", "countries": ["CA", "ca"], "location": "http://ca.example.com/", "status": 200 },
            { "id": "ca", "path": "*", "location": "https://us.example.com/", "cacheSecond": 60 }
          ],
          "geo": { "mode": "allow", "countries": ["US", "UK"], "unknownCountry": "deny" },
          "origins": [ { "id": "eu", "path": "/eu/*", "domainName": "https://eu.example.com" } ]
        }
        """;

    [Fact]
    public void Parse_ManyProblems_ReportsEveryOneInDocumentOrder()
    {
        var result = RulesDocumentJson.Parse(Broken);

        Assert.Equal(
            [
                "/geo/countries/1",
                "/geo/unknownCountry",
                "/redirects/0/countries/1",
                "/redirects/0/location",
                "/redirects/0/status",
                "/redirects/1/id",
                "/redirects/1/path",
                "/redirects/1/cacheSecond",
                "/origins/0/domainName",
                "/cache/0/maxAge",
            ],
            result.Problems.Select(p => p.Pointer));
        Assert.False(result.IsValid);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Parse_ValidDocument_HasNoProblemsAndIsValid()
    {
        var result = RulesDocumentJson.Parse("{\"schema\":\"edgeportal.rules/v1\"}");

        Assert.True(result.IsValid);
        Assert.Equal(RulesDocument.Empty, result.Document);
    }
}

using EdgePortal.Rules.Document;
using static EdgePortal.Rules.Tests.Document.ParseAssert;

namespace EdgePortal.Rules.Tests.Document;

public class RulesDocumentJsonUnknownPropertyTests
{
    [Theory]
    [InlineData("\"rediects\": []", "/rediects", "unknown property 'rediects' (did you mean 'redirects'?)")]
    [InlineData("\"Geo\": {}", "/Geo", "unknown property 'Geo' (did you mean 'geo'?)")]
    [InlineData("\"version\": 1", "/version", "unknown property 'version'; the document may have schema, geo, blockedResponse, access, redirects, origins, cache")]
    [InlineData("\"geo\": {\"modes\": \"off\"}", "/geo/modes", "unknown property 'modes' (did you mean 'mode'?)")]
    [InlineData("\"blockedResponse\": {\"cache_seconds\": 60}", "/blockedResponse/cache_seconds", "(did you mean 'cacheSeconds'?)")]
    [InlineData("\"blockedResponse\": {\"headers\": {}}", "/blockedResponse/headers", "blockedResponse may have status, contentType, body, cacheSeconds")]
    [InlineData("\"access\": [{\"id\": \"a\", \"path\": \"/*\", \"mode\": \"allow\", \"countries\": [\"DE\"], \"contries\": [\"AT\"]}]",
        "/access/0/contries", "(did you mean 'countries'?)")]
    [InlineData("\"origins\": [{\"id\": \"o\", \"path\": \"/*\", \"domainName\": \"o.example.com\", \"domainname\": \"p.example.com\"}]",
        "/origins/0/domainname", "(did you mean 'domainName'?)")]
    [InlineData("\"cache\": [{\"id\": \"c\", \"path\": \"/*\", \"s-maxage\": 60}]", "/cache/0/s-maxage", "(did you mean 'sMaxAge'?)")]
    [InlineData("\"cache\": [{\"id\": \"c\", \"path\": \"/*\", \"ttl\": 60}]", "/cache/0/ttl", "a cache rule may have id, description, path, maxAge")]
    [InlineData("\"a/b~c\": 1", "/a~1b~0c", "unknown property 'a/b~c'")]
    public void Parse_UnknownProperty_IsAnErrorWithAHint(string members, string pointer, string fragment) =>
        SingleProblem(Doc(members), pointer, fragment);

    [Fact]
    public void Parse_MisspelledLocation_ReportsTheTypoAndTheMissingLocation()
    {
        // The typo must not silently drop the rule's target: both findings are reported.
        var result = RulesDocumentJson.Parse(Doc("\"redirects\": [{\"id\": \"r\", \"path\": \"/*\", \"loction\": \"https://x.example/\"}]"));

        Assert.Equal(
            [
                "/redirects/0/location: location is required: an absolute https:// URL such as https://example.com/",
                "/redirects/0/loction: unknown property 'loction' (did you mean 'location'?)",
            ],
            result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_RepeatedProperty_IsAnError() =>
        SingleProblem(Doc("\"geo\": {\"mode\": \"off\", \"mode\": \"block\"}"), "/geo/mode", "mode appears more than once");

    [Fact]
    public void Parse_PropertyNamesAreCaseSensitive() =>
        SingleProblem(Doc("\"redirects\": [{\"id\": \"r\", \"path\": \"/*\", \"location\": \"https://x.example/\", \"KeepQuery\": true}]"),
            "/redirects/0/KeepQuery", "(did you mean 'keepQuery'?)");
}

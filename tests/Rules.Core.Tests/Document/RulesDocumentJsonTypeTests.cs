using static EdgePortal.Rules.Tests.Document.ParseAssert;

namespace EdgePortal.Rules.Tests.Document;

public class RulesDocumentJsonTypeTests
{
    [Theory]
    [InlineData("{\"schema\": 1}", "/schema", "schema must be a string, not 1")]
    [InlineData("{\"schema\": null}", "/schema", "schema must be a string, not null (leave the property out instead)")]
    [InlineData("{}", "/schema", "schema is required")]
    public void Parse_BadSchema_IsReportedOnce(string json, string pointer, string fragment) => SingleProblem(json, pointer, fragment);

    [Theory]
    [InlineData("\"geo\": \"allow\"", "/geo", "geo must be an object, not the string \"allow\"")]
    [InlineData("\"blockedResponse\": []", "/blockedResponse", "blockedResponse must be an object, not a list")]
    [InlineData("\"redirects\": {}", "/redirects", "redirects must be a list of objects, each a redirect, not an object")]
    [InlineData("\"cache\": null", "/cache", "not null")]
    [InlineData("\"origins\": [\"eu\"]", "/origins/0", "each element of origins must be an object (an origin rule), not the string \"eu\"")]
    public void Parse_SectionOfWrongKind_IsReported(string members, string pointer, string fragment) =>
        SingleProblem(Doc(members), pointer, fragment);

    [Theory]
    [InlineData("\"cacheSeconds\": \"60\"", "/blockedResponse/cacheSeconds", "cacheSeconds must be a whole number from 0 to 31536000, not the string \"60\"")]
    [InlineData("\"cacheSeconds\": 1.5", "/blockedResponse/cacheSeconds", "from 0 to 31536000, not 1.5")]
    [InlineData("\"cacheSeconds\": 1e3", "/blockedResponse/cacheSeconds", "not 1e3")]
    [InlineData("\"cacheSeconds\": 99999999999", "/blockedResponse/cacheSeconds", "not 99999999999")]
    [InlineData("\"status\": \"403\"", "/blockedResponse/status", "status must be 403 or 451, not the string \"403\"")]
    [InlineData("\"body\": 42", "/blockedResponse/body", "body must be a string, not 42")]
    [InlineData("\"contentType\": false", "/blockedResponse/contentType", "contentType must be a string, not false")]
    public void Parse_BlockedResponseValueOfWrongKind_SaysWhatIsExpected(string member, string pointer, string fragment) =>
        SingleProblem(Doc("\"blockedResponse\": {" + member + "}"), pointer, fragment);

    [Theory]
    [InlineData("\"mode\": \"Allow\"", "/geo/mode", "mode must be one of off, allow, block, not the string \"Allow\"")]
    [InlineData("\"mode\": true", "/geo/mode", "must be one of off, allow, block, not true")]
    [InlineData("\"unknownCountry\": \"deny\"", "/geo/unknownCountry", "must be one of allow, block")]
    [InlineData("\"enforce\": \"cloudfront\"", "/geo/enforce", "must be one of handler, distribution, both")]
    [InlineData("\"countries\": \"DE\"", "/geo/countries", "must be a list of country codes such as [\"DE\", \"AT\"]")]
    public void Parse_GeoValueOfWrongKind_SaysWhatIsExpected(string member, string pointer, string fragment) =>
        SingleProblem(Doc("\"geo\": {" + member + "}"), pointer, fragment);

    [Theory]
    [InlineData("\"appendPath\": \"yes\"", "/redirects/0/appendPath", "appendPath must be true or false, not the string \"yes\"")]
    [InlineData("\"keepQuery\": 1", "/redirects/0/keepQuery", "keepQuery must be true or false, not 1")]
    [InlineData("\"allowInsecure\": null", "/redirects/0/allowInsecure", "must be true or false, not null")]
    [InlineData("\"status\": 301.0", "/redirects/0/status", "status must be one of 301, 302, 303, 307, 308, not 301.0")]
    public void Parse_RedirectValueOfWrongKind_SaysWhatIsExpected(string member, string pointer, string fragment) =>
        SingleProblem(Doc("\"redirects\": [{\"id\": \"r\", \"path\": \"/*\", \"location\": \"https://x.example/\", " + member + "}]"), pointer, fragment);

    [Theory]
    [InlineData("\"id\": 5, \"path\": \"/*\", \"location\": \"https://x.example/\"", "/redirects/0/id", "id must be a string, not 5")]
    [InlineData("\"id\": \"r\", \"path\": \"/*\", \"location\": [\"https://x.example/\"]", "/redirects/0/location", "location must be a string, not a list")]
    public void Parse_RequiredValueOfWrongKind_IsReportedOnce(string members, string pointer, string fragment) =>
        // The validator would also say "id is required"; only the reader's finding is reported.
        SingleProblem(Doc("\"redirects\": [{" + members + "}]"), pointer, fragment);

    [Theory]
    [InlineData("\"mode\": \"cache\"", "/cache/0/mode", "mode must be one of override, default")]
    [InlineData("\"noStore\": \"true\"", "/cache/0/noStore", "must be true or false")]
    [InlineData("\"maxAge\": -1.0", "/cache/0/maxAge", "maxAge must be a whole number from 0 to 31536000, not -1.0")]
    public void Parse_CacheValueOfWrongKind_SaysWhatIsExpected(string member, string pointer, string fragment) =>
        SingleProblem(Doc("\"cache\": [{\"id\": \"c\", \"path\": \"/*\", " + member + "}]"), pointer, fragment);

    [Fact]
    public void Parse_CountryThatIsNotAString_KeepsThePositionsOfTheOthers()
    {
        var result = Rules.Document.RulesDocumentJson.Parse(Doc("\"geo\": {\"mode\": \"block\", \"countries\": [\"DE\", 49, \"de\"]}"));

        Assert.Equal(["/geo/countries/1", "/geo/countries/2"], result.Problems.Select(p => p.Pointer));
        Assert.Contains("a country must be a two-letter code in a string such as \"DE\", not 49", result.Problems[0].Message);
        Assert.Contains("\"de\" must be upper case", result.Problems[1].Message);
    }

    [Fact]
    public void Parse_RuleThatIsNotAnObject_KeepsThePositionsOfTheOthers()
    {
        var result = Rules.Document.RulesDocumentJson.Parse(Doc(
            "\"redirects\": [5, {\"id\": \"b\", \"path\": \"/*\", \"location\": \"http://x.example/\"}]"));

        Assert.Equal(["/redirects/0", "/redirects/1/location"], result.Problems.Select(p => p.Pointer));
        Assert.NotNull(result.Document);
        Assert.Equal("b", result.Document.Redirects[1].Id);
    }

    [Fact]
    public void Parse_EscapedLoneSurrogate_IsReportedAtItsPointer() =>
        SingleProblem(Doc("\"access\": [{\"id\": \"a\", \"description\": \"x\\ud800\", \"path\": \"/*\", \"mode\": \"allow\", \"countries\": [\"DE\"]}]"),
            "/access/0/description", "lone surrogate");
}

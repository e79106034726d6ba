using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Validation;

public class RuleFieldValidationTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("bundesliga-live")]
    [InlineData("rule_2")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void Validate_GoodId_IsValid(string id) => Valid.NoProblem(Valid.With(Valid.Redirect with { Id = id }));

    [Fact]
    public void Validate_MissingId_SaysWhatAnIdIs() =>
        Valid.SingleProblem(Valid.With(Valid.Redirect with { Id = "" }), "/redirects/0/id", "id is required", "1 to 64 characters of a-z, 0-9, - and _");

    [Theory]
    [InlineData("CA")]
    [InlineData("ca home")]
    [InlineData("ca.home")]
    [InlineData("café")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    public void Validate_BadId_SaysWhatAnIdIs(string id) =>
        Valid.SingleProblem(Valid.With(Valid.Cache with { Id = id }), "/cache/0/id", "id must be 1 to 64 characters of a-z, 0-9, - and _");

    [Fact]
    public void Validate_DuplicateId_PointsAtTheSecondAndNamesTheFirst()
    {
        var document = new RulesDocument
        {
            Redirects = [Valid.Redirect, Valid.Redirect with { Id = "us" }, Valid.Redirect with { Countries = ["US"] }],
        };

        Valid.SingleProblem(document, "/redirects/2/id", "id \"ca\" is already used by /redirects/0", "unique");
    }

    [Fact]
    public void Validate_SameIdInDifferentSections_IsValid() =>
        Valid.NoProblem(new RulesDocument { Redirects = [Valid.Redirect with { Id = "x" }], Cache = [Valid.Cache with { Id = "x" }] });

    [Fact]
    public void Validate_DescriptionOf500Characters_IsValid() =>
        Valid.NoProblem(Valid.With(Valid.Access with { Description = string.Concat(Enumerable.Repeat("🌍", 500)) }));

    [Fact]
    public void Validate_DescriptionOver500Characters_IsAnError() =>
        Valid.SingleProblem(Valid.With(Valid.Access with { Description = new string('d', 501) }), "/access/0/description", "501 characters", "at most 500");

    [Fact]
    public void Validate_DescriptionWithLoneSurrogate_IsAnError() =>
        Valid.SingleProblem(Valid.With(Valid.Access with { Description = "bad \ud800" }), "/access/0/description", "lone surrogate");

    [Theory]
    [InlineData("/")]
    [InlineData("/*")]
    [InlineData("/video/*.mp4")]
    [InlineData("/news/????/*")]
    [InlineData("/caf%C3%A9/*")]
    public void Validate_GoodPath_IsValid(string path) => Valid.NoProblem(Valid.With(Valid.Origin with { Path = path }));

    [Fact]
    public void Validate_PathOf255Characters_IsValid() =>
        Valid.NoProblem(Valid.With(Valid.Origin with { Path = "/" + new string('a', 254) }));

    [Theory]
    [InlineData("", "path is required")]
    [InlineData("video/*", "path must start with /")]
    [InlineData("*", "path must start with /")]
    [InlineData("/video /*", "must not contain spaces or control characters")]
    [InlineData("/video\t/*", "must not contain spaces or control characters")]
    [InlineData("/video\n", "must not contain spaces or control characters")]
    [InlineData("/café/*", "path must be ASCII", "%C3%A9")]
    [InlineData("/page#top", "must not contain #")]
    public void Validate_BadPath_SaysWhy(string path, params string[] fragments) =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { Path = path }), "/origins/0/path", fragments);

    [Fact]
    public void Validate_PathOver255Characters_IsAnError() =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { Path = "/" + new string('a', 255) }), "/origins/0/path", "256 characters", "at most 255");

    [Fact]
    public void Validate_EveryProblemAtOnce_InDocumentOrder()
    {
        var document = new RulesDocument
        {
            Schema = "v1",
            Geo = new GeoSettings { Mode = GeoMode.Allow },
            BlockedResponse = new BlockedResponse { Status = 200, CacheSeconds = -1 },
            Access = [Valid.Access with { Mode = null }],
            Redirects = [Valid.Redirect, Valid.Redirect with { Id = "b", Location = "ftp://x" }, Valid.Redirect with { Path = "x", Status = 200 }],
            Origins = [Valid.Origin with { DomainName = "https://x.example.com" }],
            Cache = [Valid.Cache with { NoStore = true, Id = "Bad" }],
        };

        var problems = DocumentValidator.Validate(document);

        Assert.Equal(
            [
                "/schema", "/geo/countries", "/blockedResponse/status", "/blockedResponse/cacheSeconds", "/access/0/mode",
                "/redirects/1/location", "/redirects/2/id", "/redirects/2/path", "/redirects/2/status",
                "/origins/0/domainName", "/cache/0/id", "/cache/0/maxAge",
            ],
            problems.Select(p => p.Pointer));
    }
}

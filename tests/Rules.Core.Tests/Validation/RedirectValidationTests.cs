using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Validation;

public class RedirectValidationTests
{
    private static RulesDocument Location(string location, bool? allowInsecure = null, bool? appendPath = null, bool? keepQuery = null) =>
        Valid.With(Valid.Redirect with { Location = location, AllowInsecure = allowInsecure, AppendPath = appendPath, KeepQuery = keepQuery });

    [Theory]
    [InlineData("https://ca.example.com/")]
    [InlineData("https://ca.example.com")]
    [InlineData("https://ca.example.com:8443/shop?from=edge")]
    [InlineData("HTTPS://CA.EXAMPLE.COM/")]
    [InlineData("https://xn--caf-dma.example/")]
    public void Validate_HttpsLocation_IsValid(string location) => Valid.NoProblem(Location(location));

    [Fact]
    public void Validate_HttpLocationWithAllowInsecure_IsValid() =>
        Valid.NoProblem(Location("http://legacy.example.com/", allowInsecure: true));

    [Fact]
    public void Validate_HttpLocationWithoutAllowInsecure_SaysHowToAllowIt() =>
        Valid.SingleProblem(Location("http://legacy.example.com/"), "/redirects/0/location", "http:// URL", "allowInsecure: true");

    [Fact]
    public void Validate_HttpLocationWithAllowInsecureFalse_IsAnError() =>
        Valid.SingleProblem(Location("http://legacy.example.com/", allowInsecure: false), "/redirects/0/location", "allowInsecure: true");

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("ca.example.com")]
    [InlineData("ftp://ca.example.com/")]
    [InlineData("javascript://alert(1)")]
    public void Validate_NotAnHttpsUrl_SaysWhatIsAllowed(string location) =>
        Valid.SingleProblem(Location(location), "/redirects/0/location", "location must be an absolute https:// URL (http:// only with allowInsecure: true)");

    [Fact]
    public void Validate_MissingLocation_SaysItIsRequired() =>
        Valid.SingleProblem(Location(""), "/redirects/0/location", "location is required");

    [Theory]
    [InlineData("https://ca.example.com/\r\nset-cookie: a=b")]
    [InlineData("https://ca.example.com/a b")]
    [InlineData("https://ca.example.com/\t")]
    [InlineData("https://ca.example.com/\u0000")]
    public void Validate_LocationWithWhitespaceOrControl_IsHeaderUnsafe(string location) =>
        Valid.SingleProblem(Location(location), "/redirects/0/location", "must not contain spaces or control characters", "location header");

    [Fact]
    public void Validate_NonAsciiLocation_AsksForPercentEncoding() =>
        Valid.SingleProblem(Location("https://example.com/café"), "/redirects/0/location", "must be ASCII", "percent-encode");

    [Fact]
    public void Validate_LocationWithoutHost_IsAnError() =>
        Valid.SingleProblem(Location("https:///path"), "/redirects/0/location", "with a host name");

    [Fact]
    public void Validate_LocationWithUserInfo_IsAnError() =>
        Valid.SingleProblem(Location("https://user:secret@example.com/"), "/redirects/0/location", "user name or password");

    [Fact]
    public void Validate_LocationWithFragmentWhileKeepQueryDefaultsOn_IsAnError() =>
        Valid.SingleProblem(Location("https://example.com/#top"), "/redirects/0/location", "fragment", "appendPath or keepQuery");

    [Fact]
    public void Validate_LocationWithQueryAndAppendPath_IsAnError() =>
        Valid.SingleProblem(Location("https://example.com/shop?from=edge", appendPath: true), "/redirects/0/location", "query string", "appendPath");

    [Fact]
    public void Validate_LocationWithQueryAndKeepQuery_IsValid() =>
        Valid.NoProblem(Location("https://example.com/shop?from=edge", keepQuery: true));

    [Fact]
    public void Validate_LocationWithFragmentAndNothingAppended_IsValid() =>
        Valid.NoProblem(Location("https://example.com/#top", appendPath: false, keepQuery: false));

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(308)]
    public void Validate_RedirectStatus_IsValid(int status) => Valid.NoProblem(Valid.With(Valid.Redirect with { Status = status }));

    [Theory]
    [InlineData(300)]
    [InlineData(304)]
    [InlineData(200)]
    public void Validate_OtherStatus_NamesTheAllowedOnes(int status) =>
        Valid.SingleProblem(Valid.With(Valid.Redirect with { Status = status }), "/redirects/0/status", "one of 301, 302, 303, 307, 308", $"not {status}");

    [Theory]
    [InlineData(-5)]
    [InlineData(31536001)]
    public void Validate_CacheSecondsOutOfRange_NamesTheRange(int seconds) =>
        Valid.SingleProblem(Valid.With(Valid.Redirect with { CacheSeconds = seconds }), "/redirects/0/cacheSeconds", "from 0 to 31536000");

    [Fact]
    public void Validate_RedirectWithoutCountries_IsValid() => Valid.NoProblem(Valid.With(Valid.Redirect with { Countries = [] }));
}

namespace EdgePortal.Rules.Tests.Validation;

public class OriginValidationTests
{
    [Theory]
    [InlineData("eu-library.example.com")]
    [InlineData("a.b")]
    [InlineData("Origin-1.Example.NET")]
    [InlineData("xn--caf-dma.example")]
    public void Validate_HostName_IsValid(string domainName) => Valid.NoProblem(Valid.With(Valid.Origin with { DomainName = domainName }));

    [Fact]
    public void Validate_HostNameOf253Characters_IsValid()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61);

        Valid.NoProblem(Valid.With(Valid.Origin with { DomainName = name }));
    }

    [Theory]
    [InlineData("", "domainName is required")]
    [InlineData("https://eu.example.com/x", "without a scheme", "\"eu.example.com\"")]
    [InlineData("eu.example.com/library", "without a path", "originPath")]
    [InlineData("eu.example.com:8443", "without a port")]
    [InlineData("eu_library.example.com", "labels of letters, digits and hyphens")]
    [InlineData("-eu.example.com", "labels of letters, digits and hyphens")]
    [InlineData("eu..example.com", "labels of letters, digits and hyphens")]
    [InlineData("eu.example.com.", "labels of letters, digits and hyphens")]
    [InlineData("eu example.com", "must not contain spaces or control characters", "host header")]
    [InlineData("eu.example.com\r\nx-evil: 1", "must not contain spaces or control characters")]
    [InlineData("bücher.example", "labels of letters, digits and hyphens")]
    [InlineData("localhost", "at least one dot")]
    [InlineData("192.0.2.10", "not an IP address")]
    public void Validate_BadDomainName_SaysWhy(string domainName, params string[] fragments) =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { DomainName = domainName }), "/origins/0/domainName", fragments);

    [Fact]
    public void Validate_HostNameOver253Characters_IsAnError()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));

        Valid.SingleProblem(Valid.With(Valid.Origin with { DomainName = name }), "/origins/0/domainName", "255 characters", "at most 253");
    }

    [Theory]
    [InlineData("/eu")]
    [InlineData("/a/b-c_d.e")]
    public void Validate_GoodOriginPath_IsValid(string originPath) => Valid.NoProblem(Valid.With(Valid.Origin with { OriginPath = originPath }));

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("eu", "must start with /")]
    [InlineData("/eu/", "must not end with /", "\"/eu\"")]
    [InlineData("/", "leave originPath out")]
    [InlineData("/e u", "spaces or control characters")]
    [InlineData("/eu\r\n", "spaces or control characters")]
    [InlineData("/büro", "must be ASCII")]
    [InlineData("/eu?x=1", "must not contain ? or #")]
    public void Validate_BadOriginPath_SaysWhy(string originPath, params string[] fragments) =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { OriginPath = originPath }), "/origins/0/originPath", fragments);

    [Fact]
    public void Validate_OriginPathOver255Characters_IsAnError() =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { OriginPath = "/" + new string('p', 255) }), "/origins/0/originPath", "at most 255");
}

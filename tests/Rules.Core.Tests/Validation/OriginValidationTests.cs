using EdgePortal.Rules.Document;

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

    [Theory]
    [InlineData(1)]
    [InlineData(443)]
    [InlineData(8080)]
    [InlineData(65535)]
    public void Validate_PortInRange_IsValid(int port) => Valid.NoProblem(Valid.With(Valid.Origin with { Port = port }));

    [Theory]
    [InlineData(0)]
    [InlineData(-443)]
    [InlineData(65536)]
    public void Validate_PortOutOfRange_NamesThePortField(int port) =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { Port = port }), "/origins/0/port", "port must be a whole number from 1 to 65535", $"not {port}");

    [Fact]
    public void Validate_BadPortOfFourthRule_PointsAtThatRule()
    {
        var rules = Enumerable.Range(0, 4).Select(i => Valid.Origin with { Id = $"o{i}", Port = i == 3 ? 70000 : null });

        Valid.SingleProblem(new RulesDocument { Origins = [.. rules] }, "/origins/3/port", "from 1 to 65535");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(false)]
    public void Validate_HttpWithoutAllowInsecure_AsksForAllowInsecure(bool? allowInsecure) =>
        Valid.SingleProblem(Valid.With(Valid.Origin with { Protocol = OriginProtocol.Http, AllowInsecure = allowInsecure }),
            "/origins/0/protocol", "unencrypted", "use https, or set allowInsecure: true");

    [Fact]
    public void Validate_HttpWithAllowInsecure_IsValid() =>
        Valid.NoProblem(Valid.With(Valid.Origin with { Protocol = OriginProtocol.Http, AllowInsecure = true, Port = 80 }));

    [Fact]
    public void Validate_HttpsStatedExplicitly_IsValid() =>
        Valid.NoProblem(Valid.With(Valid.Origin with { Protocol = OriginProtocol.Https, Port = 443 }));
}

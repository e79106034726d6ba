using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Editing;

public sealed class RuleSummaryTests
{
    [Fact]
    public void Describe_OriginRuleWithPortAndHttp_ShowsTheUrlRequestsGoTo()
    {
        var rule = new OriginRule
        {
            Id = "plain", Path = "/*", Countries = ["DE"], DomainName = "plain.example.com", OriginPath = "/v2",
            Port = 8080, Protocol = OriginProtocol.Http, AllowInsecure = true,
        };

        Assert.Equal("DE → http://plain.example.com:8080/v2", RuleSummary.Describe(rule));
    }

    [Fact]
    public void Describe_OriginRuleWithDefaults_ShowsAnHttpsUrl() =>
        Assert.Equal("Every country → https://eu.example.com", RuleSummary.Describe(new OriginRule { Id = "eu", Path = "/*", DomainName = "eu.example.com" }));
}

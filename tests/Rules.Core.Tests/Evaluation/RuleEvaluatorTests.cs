using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Rules.Tests.Evaluation;

public class RuleEvaluatorTests
{
    private static Decision Request(RulesDocument document, string uri, string? country, string query = "") =>
        RuleEvaluator.Evaluate(document, new EdgeRequest { Uri = uri, Country = country, QueryString = query });

    [Theory]
    [InlineData("FR", DecisionAction.Block, null, null)]
    [InlineData("CA", DecisionAction.Redirect, "ca", "https://ca.example.com/")]
    [InlineData("US", DecisionAction.Redirect, "us", "https://us.example.com/")]
    [InlineData("GB", DecisionAction.Forward, null, null)]
    [InlineData("DE", DecisionAction.Forward, null, null)]
    public void Evaluate_SeedExample_AnswersAsTheOriginalSystem(string country, DecisionAction action, string? ruleId, string? location)
    {
        var decision = Request(Documents.Seed, "/movies/1.mp4", country);

        Assert.Equal(action, decision.Action);
        Assert.Equal(ruleId, decision.RuleId);
        Assert.Equal(location, decision.Location);
        if (action == DecisionAction.Redirect)
        {
            Assert.Equal(301, decision.Status);
        }
    }

    [Fact]
    public void Evaluate_CountryOutsideGeoAllowList_GetsDefaultBlockedResponse()
    {
        var decision = Request(Documents.Seed, "/", "FR");

        Assert.Equal(403, decision.Status);
        Assert.Equal("This content is not available in your country.", decision.Response!.Body);
        Assert.Equal(
            [new HeaderValue("content-type", "text/plain; charset=utf-8"), new HeaderValue("cache-control", "max-age=60")],
            decision.Response.Headers);
        Assert.Contains("FR is not listed", decision.Trace[0].Message);
        Assert.Equal(TraceStage.Geo, decision.Trace[^1].Stage);
    }

    [Fact]
    public void Evaluate_GeoBlockMode_BlocksListedCountryOnly()
    {
        var document = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["RU"] } };

        Assert.Equal(DecisionAction.Block, Request(document, "/", "RU").Action);
        Assert.Equal(DecisionAction.Forward, Request(document, "/", "DE").Action);
    }

    [Theory]
    [InlineData(UnknownCountryAction.Allow, DecisionAction.Forward)]
    [InlineData(UnknownCountryAction.Block, DecisionAction.Block)]
    public void Evaluate_NoCountry_UnknownCountryDecidesGeo(UnknownCountryAction unknown, DecisionAction expected)
    {
        var document = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US"], UnknownCountry = unknown } };

        Assert.Equal(expected, Request(document, "/", null).Action);
        Assert.Equal(expected, Request(document, "/", "").Action);
    }

    [Fact]
    public void Evaluate_GeoEnforcedByDistribution_HandlerDoesNotBlock()
    {
        var document = Documents.Seed with { Geo = Documents.Seed.Geo! with { Enforce = GeoEnforcement.Distribution } };

        var decision = Request(document, "/", "FR");

        Assert.Equal(DecisionAction.Forward, decision.Action);
        Assert.Contains("enforced by the distribution", decision.Trace[0].Message);
    }

    [Fact]
    public void Evaluate_LowerCaseCountryHeader_IsReadUpperCase()
    {
        Assert.Equal("ca", Request(Documents.Seed, "/", "ca").RuleId);
    }

    [Theory]
    [InlineData("DE", DecisionAction.Forward)]
    [InlineData("CH", DecisionAction.Forward)]
    [InlineData("US", DecisionAction.Block)]
    [InlineData("GB", DecisionAction.Block)]
    public void Evaluate_AccessAllowRule_BlocksCountriesOutsideItsList(string country, DecisionAction expected)
    {
        var decision = Request(Documents.Vod, "/live/bundesliga/match-1.m3u8", country);

        Assert.Equal(expected, decision.Action);
        if (expected == DecisionAction.Block)
        {
            Assert.Equal("bundesliga-live", decision.RuleId);
            Assert.Equal(RuleSection.Access, decision.Section);
            Assert.Equal(451, decision.Status);
            Assert.Equal("Not here.", decision.Response!.Body);
            Assert.Contains(new HeaderValue("cache-control", "max-age=120"), decision.Response.Headers);
        }
    }

    [Fact]
    public void Evaluate_FirstMatchingAccessRule_DecidesAlone()
    {
        // GB would be blocked by uk-only-block, but bundesliga-live matches first and GB is not in it: blocked by that one.
        Assert.Equal("bundesliga-live", Request(Documents.Vod, "/live/bundesliga/x", "GB").RuleId);
        // DE passes bundesliga-live; the later block rule is not consulted even though it matches /live/*.
        var passing = Request(Documents.Vod, "/live/bundesliga/x", "DE");
        Assert.Equal(DecisionAction.Forward, passing.Action);
        Assert.Contains(passing.Trace, step => step.Stage == TraceStage.Access && step.RuleId == "bundesliga-live");
        Assert.Equal("uk-only-block", Request(Documents.Vod, "/live/tennis/x", "GB").RuleId);
    }

    [Fact]
    public void Evaluate_AccessRuleWithoutCountry_UnknownCountryDecides()
    {
        var document = Documents.Vod with { Geo = Documents.Vod.Geo! with { UnknownCountry = UnknownCountryAction.Block, Mode = GeoMode.Off } };

        Assert.Equal("bundesliga-live", Request(document, "/live/bundesliga/x", null).RuleId);
        Assert.Equal(DecisionAction.Forward, Request(Documents.Vod, "/live/bundesliga/x", null).Action);
    }

    [Fact]
    public void Evaluate_RedirectWithKeepQuery_AppendsQueryString()
    {
        var decision = Request(Documents.Vod, "/home", "CA", "lang=fr&x=1");

        Assert.Equal("https://ca.example.com/?lang=fr&x=1", decision.Location);
        Assert.Equal(
            [new HeaderValue("location", "https://ca.example.com/?lang=fr&x=1"), new HeaderValue("cache-control", "max-age=3600")],
            decision.Response!.Headers);
    }

    [Theory]
    [InlineData("https://x.example.com/", true, true, "/a/b", "q=1", "https://x.example.com/a/b?q=1")]
    [InlineData("https://x.example.com/", true, false, "/a/b", "q=1", "https://x.example.com/a/b")]
    [InlineData("https://x.example.com", true, true, "/a", "", "https://x.example.com/a")]
    [InlineData("https://x.example.com/?src=edge", false, true, "/a", "q=1", "https://x.example.com/?src=edge&q=1")]
    [InlineData("https://x.example.com//", true, true, "/a", "", "https://x.example.com//a")]
    public void BuildLocation_AppendPathAndKeepQuery_FollowContract(string location, bool appendPath, bool keepQuery, string uri, string query, string expected)
    {
        var rule = new RedirectRule { Id = "r", Path = "/*", Location = location, AppendPath = appendPath, KeepQuery = keepQuery };
        var document = new RulesDocument { Redirects = [rule] };

        var decision = Request(document, uri, "DE", query);

        Assert.Equal(expected, decision.Location);
        Assert.Equal(302, decision.Status);
        Assert.Contains(new HeaderValue("cache-control", "max-age=300"), decision.Response!.Headers);
    }

    [Fact]
    public void Evaluate_RedirectForOtherCountry_FallsThroughToOrigins()
    {
        var decision = Request(Documents.Vod, "/library/title-1/master.m3u8", "DE");

        Assert.Equal(DecisionAction.Forward, decision.Action);
        Assert.Equal(new CustomOrigin { DomainName = "eu-library.example.com", Path = "/eu", Protocol = OriginProtocol.Https, Port = 443 }, decision.Origin);
        Assert.Empty(decision.Origin!.CustomHeaders);
        Assert.Equal("eu-library", decision.RuleId);
        Assert.Equal(RuleSection.Origins, decision.Section);
    }

    [Fact]
    public void Evaluate_OriginRuleWithoutOriginPath_SendsToTheRootOfTheNewOrigin()
    {
        var document = new RulesDocument { Origins = [new OriginRule { Id = "o", Path = "/*", DomainName = "o.example.com" }] };

        var decision = Request(document, "/a", null);

        Assert.Equal("", decision.Origin!.Path);
        Assert.Equal("https://o.example.com", decision.Origin.Url);
    }

    [Fact]
    public void Evaluate_OriginRuleWithPortAndHttp_SendsThereAndSaysSoInTheTrace()
    {
        var rule = new OriginRule
        {
            Id = "plain", Path = "/*", DomainName = "plain.example.com", OriginPath = "/v2", Port = 8080,
            Protocol = OriginProtocol.Http, AllowInsecure = true,
        };

        var decision = Request(new RulesDocument { Origins = [rule] }, "/a", null);

        Assert.Equal(new CustomOrigin { DomainName = "plain.example.com", Path = "/v2", Protocol = OriginProtocol.Http, Port = 8080 }, decision.Origin);
        Assert.EndsWith("sends the request to http://plain.example.com:8080/v2.", decision.Trace[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CountryScopedRulesWithoutCountry_DoNotApply()
    {
        var decision = Request(Documents.Vod, "/library/title-1", null);

        Assert.Equal(DecisionAction.Forward, decision.Action);
        Assert.Null(decision.Origin);
        Assert.Null(decision.RuleId);
        Assert.Equal(TraceStage.Default, decision.Trace[^1].Stage);
    }

    [Fact]
    public void Evaluate_RedirectForEveryCountry_AppliesToRequestWithoutCountry()
    {
        var decision = Request(Documents.Vod, "/shows/abc", null);

        Assert.Equal("https://www.example.com/series/shows/abc", decision.Location);
    }

    [Fact]
    public void Evaluate_EmptyDocument_ForwardsUnchanged()
    {
        var decision = Request(RulesDocument.Empty, "/anything", "FR");

        Assert.Equal(DecisionAction.Forward, decision.Action);
        Assert.Null(decision.Response);
        Assert.Null(decision.RuleId);
    }
}

public class ViewerCountryTests
{
    [Theory]
    [InlineData("de", "DE")]
    [InlineData("De", "DE")]
    [InlineData("ſe", "ſE")]
    [InlineData("ıt", "ıT")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Normalize_HeaderValue_UpperCasesAsciiLettersOnly(string? header, string? expected)
    {
        Assert.Equal(expected, ViewerCountry.Normalize(header));
    }
}

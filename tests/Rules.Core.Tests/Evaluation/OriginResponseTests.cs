using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Rules.Tests.Evaluation;

public class OriginResponseTests
{
    private static Decision Response(RulesDocument document, string uri, string? cacheControl) =>
        RuleEvaluator.Evaluate(document, new EdgeRequest { Uri = uri, Event = EdgeEvent.OriginResponse, ResponseCacheControl = cacheControl });

    [Fact]
    public void Evaluate_OverrideRule_ReplacesOriginHeaderInContractOrder()
    {
        var decision = Response(Documents.Vod, "/video/t1/seg-1.ts", "no-cache");

        Assert.Equal("max-age=86400, s-maxage=604800, stale-while-revalidate=300, stale-if-error=86400", decision.CacheControl);
        Assert.Equal("video", decision.RuleId);
        Assert.Equal(DecisionAction.Forward, decision.Action);
    }

    [Fact]
    public void Evaluate_NoStoreRule_SetsNoStore()
    {
        Assert.Equal("no-store", Response(Documents.Vod, "/api/titles", null).CacheControl);
    }

    [Theory]
    [InlineData(null, "public, max-age=600, immutable")]
    [InlineData("", "public, max-age=600, immutable")]
    [InlineData("max-age=5", "max-age=5")]
    public void Evaluate_DefaultModeRule_SetsHeaderOnlyWhenOriginSentNone(string? origin, string expected)
    {
        Assert.Equal(expected, Response(Documents.Vod, "/img/poster.jpg", origin).CacheControl);
    }

    [Fact]
    public void Evaluate_NoMatchingCacheRule_SendsOriginHeaderOn()
    {
        var decision = Response(Documents.Vod, "/other", "max-age=1");

        Assert.Equal("max-age=1", decision.CacheControl);
        Assert.Null(decision.RuleId);
    }

    [Fact]
    public void Evaluate_RuleWithoutDirectives_LeavesHeaderAlone()
    {
        var document = new RulesDocument { Cache = [new CacheRule { Id = "empty", Path = "/*" }] };

        Assert.Equal("max-age=9", Response(document, "/x", "max-age=9").CacheControl);
        Assert.Null(Response(document, "/x", null).CacheControl);
    }

    [Fact]
    public void Format_EveryDirective_InContractOrder()
    {
        var rule = new CacheRule
        {
            Id = "all", Path = "/*", Public = true, Private = true, NoCache = true, NoStore = true,
            MaxAge = 1, SMaxAge = 2, StaleWhileRevalidate = 3, StaleIfError = 4, Immutable = true,
        };

        Assert.Equal(
            "public, private, no-cache, no-store, max-age=1, s-maxage=2, stale-while-revalidate=3, stale-if-error=4, immutable",
            CacheControlHeader.Format(rule));
    }

    [Fact]
    public void Evaluate_GeoRules_DoNotApplyAtOriginResponse()
    {
        var decision = RuleEvaluator.Evaluate(Documents.Seed, new EdgeRequest { Uri = "/", Country = "FR", Event = EdgeEvent.OriginResponse });

        Assert.Equal(DecisionAction.Forward, decision.Action);
    }
}

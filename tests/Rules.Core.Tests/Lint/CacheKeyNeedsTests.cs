using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Rules.Tests.Lint;

public class CacheKeyNeedsTests
{
    [Fact]
    public void Of_EmptyDocument_NeedsNothing()
    {
        var needs = CacheKeyNeeds.Of(RulesDocument.Empty);

        Assert.Equal(CacheKeyNeeds.None, needs);
        Assert.False(needs.NeedsCountry || needs.NeedsQueryString);
    }

    [Fact]
    public void Of_CountryRules_NamesEachRuleThatReadsTheCountry()
    {
        var document = RulesDocument.Empty with
        {
            Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA"] },
            Access = [new AccessRule { Id = "dach", Path = "/live/*", Mode = AccessMode.Allow, Countries = ["DE", "AT"] }],
            Redirects =
            [
                new RedirectRule { Id = "ca", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/", KeepQuery = false },
                new RedirectRule { Id = "old", Path = "/old/*", Location = "https://example.com/new/" },
            ],
            Origins = [new OriginRule { Id = "eu", Path = "/library/*", Countries = ["DE"], DomainName = "eu.example.com" }],
        };

        var needs = CacheKeyNeeds.Of(document);

        Assert.Equal(["geo (enforced by the handler)", "access rule dach", "redirect ca", "origin rule eu"], needs.CountryReasons);
        Assert.Equal(["redirect old (keeps the query string)"], needs.QueryReasons);
    }

    [Fact]
    public void Of_GeoEnforcedByTheDistributionOnly_DoesNotNeedTheCountryInTheCacheKey()
    {
        var document = RulesDocument.Empty with { Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["RU"], Enforce = GeoEnforcement.Distribution } };

        Assert.False(CacheKeyNeeds.Of(document).NeedsCountry);
    }
}

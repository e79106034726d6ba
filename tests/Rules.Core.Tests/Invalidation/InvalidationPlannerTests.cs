using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Rules.Tests.Invalidation;

public class InvalidationPlannerTests
{
    private static readonly RedirectRule About = new() { Id = "about", Path = "/about.html", Location = "https://www.example.com/about/" };
    private static readonly CacheRule Video = new() { Id = "video", Path = "/video/*", MaxAge = 86400 };
    private static readonly CacheRule Previews = new() { Id = "previews", Path = "/video/previews/*.jpg", MaxAge = 60 };
    private static readonly CacheRule Api = new() { Id = "api", Path = "/api/*", NoStore = true };
    private static readonly OriginRule Library = new() { Id = "library", Path = "/library/*", DomainName = "eu.example.com" };
    private static readonly AccessRule Live = new() { Id = "live", Path = "/live/*", Mode = AccessMode.Allow, Countries = ["DE"] };

    [Fact]
    public void Plan_ExactPathRuleAdded_PlansThatPathOnly()
    {
        var plan = InvalidationPlanner.Plan(RulesDocument.Empty, new RulesDocument { Redirects = [About] });
        Assert.Equal([new PlannedPath("/about.html", ["redirects/about"])], plan.Paths);
        Assert.Equal(1, plan.FileCount);
        Assert.Equal(0, plan.WildcardCount);
        Assert.Equal(1, plan.BilledPaths);
        Assert.False(plan.Coarsened);
    }

    [Fact]
    public void Plan_QueryStringsInCacheKey_EndsExactPathsInStar()
    {
        var plan = InvalidationPlanner.Plan(RulesDocument.Empty, new RulesDocument { Redirects = [About] }, new InvalidationLimits(QueryStringsInCacheKey: true));
        Assert.Equal([new PlannedPath("/about.html*", ["redirects/about"])], plan.Paths);
        Assert.DoesNotContain(plan.Notes, n => n.Contains("query string"));
    }

    [Fact]
    public void Plan_ExactPathsWithoutQueryStringOption_SaysWhatTheyMiss()
    {
        var plan = InvalidationPlanner.Plan(RulesDocument.Empty, new RulesDocument { Redirects = [About] });
        Assert.Contains(plan.Notes, n => n.Contains("query string"));
    }

    [Fact]
    public void Plan_PatternWithInnerWildcard_CutsAtTheFirstWildcard()
    {
        var plan = InvalidationPlanner.Plan(RulesDocument.Empty, new RulesDocument { Cache = [Previews with { Path = "/video/p?eviews/*.jpg" }] });
        Assert.Equal("/video/p*", Assert.Single(plan.Paths).Path);
    }

    [Fact]
    public void Plan_PathChanged_PlansOldAndNewPattern()
    {
        var plan = InvalidationPlanner.Plan(new RulesDocument { Cache = [Api] }, new RulesDocument { Cache = [Api with { Path = "/api/v2/*" }] });
        // /api/v2/* is under /api/*, so one path covers both.
        Assert.Equal([new PlannedPath("/api/*", ["cache/api"])], plan.Paths);
    }

    [Fact]
    public void Plan_RenameOrDescriptionOnly_PlansNothing()
    {
        var old = new RulesDocument { Redirects = [About], Cache = [Video] };
        var @new = new RulesDocument { Redirects = [About with { Id = "about-page" }], Cache = [Video with { Description = "Long-lived video" }] };
        Assert.True(InvalidationPlanner.Plan(old, @new).IsEmpty);
    }

    [Fact]
    public void Plan_DefaultWrittenOut_PlansNothing()
    {
        var old = new RulesDocument { Redirects = [About] };
        var @new = new RulesDocument { Redirects = [About with { Status = 302, KeepQuery = true, CacheSeconds = 300 }] };
        Assert.True(InvalidationPlanner.Plan(old, @new).IsEmpty);
    }

    [Fact]
    public void Plan_OriginDefaultsWrittenOut_PlansNothing()
    {
        var old = new RulesDocument { Origins = [Library] };
        var @new = new RulesDocument { Origins = [Library with { Port = 443, Protocol = OriginProtocol.Https, AllowInsecure = true }] };
        Assert.True(InvalidationPlanner.Plan(old, @new).IsEmpty);
    }

    [Fact]
    public void Plan_OriginPortChanged_PlansItsPattern()
    {
        var plan = InvalidationPlanner.Plan(new RulesDocument { Origins = [Library] }, new RulesDocument { Origins = [Library with { Port = 8443 }] });
        Assert.Equal([new PlannedPath("/library/*", ["origins/library"])], plan.Paths);
    }

    [Fact]
    public void Plan_OverlappingRulesSwapped_PlansWhereBothMatch()
    {
        var plan = InvalidationPlanner.Plan(new RulesDocument { Cache = [Video, Previews] }, new RulesDocument { Cache = [Previews, Video] });
        var path = Assert.Single(plan.Paths);
        Assert.Equal("/video/previews/*", path.Path);
        Assert.Equal(["cache/previews", "cache/video"], path.Reasons);
    }

    [Fact]
    public void Plan_DisjointRulesSwapped_PlansNothing()
    {
        Assert.True(InvalidationPlanner.Plan(new RulesDocument { Cache = [Video, Api] }, new RulesDocument { Cache = [Api, Video] }).IsEmpty);
    }

    [Fact]
    public void Plan_GeoCountryAdded_PlansEverything()
    {
        var old = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US"] } };
        var plan = InvalidationPlanner.Plan(old, old with { Geo = old.Geo! with { Countries = ["US", "FR"] } });
        Assert.Equal([new PlannedPath("/*", ["geo"])], plan.Paths);
        Assert.Contains(plan.Notes, n => n.Contains("Geo"));
    }

    [Fact]
    public void Plan_GeoChangeTheHandlerDoesNotApply_PlansNothing()
    {
        var old = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US"], Enforce = GeoEnforcement.Distribution } };
        var plan = InvalidationPlanner.Plan(old, old with { Geo = old.Geo! with { Countries = ["US", "FR"] } });
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Plan_UnknownCountryChangedWithoutHandlerGeo_PlansAccessPaths()
    {
        var old = new RulesDocument { Access = [Live] };
        var plan = InvalidationPlanner.Plan(old, old with { Geo = new GeoSettings { UnknownCountry = UnknownCountryAction.Block } });
        Assert.Equal([new PlannedPath("/live/*", ["geo"])], plan.Paths);
    }

    [Fact]
    public void Plan_BlockedResponseChangedWithoutHandlerGeo_PlansOnlyWhereAccessRulesBlock()
    {
        var old = new RulesDocument { Access = [Live], Cache = [Video] };
        var plan = InvalidationPlanner.Plan(old, old with { BlockedResponse = new BlockedResponse { Status = 451 } });
        Assert.Equal([new PlannedPath("/live/*", ["blockedResponse"])], plan.Paths);
    }

    [Fact]
    public void Plan_BlockedResponseChangedWithHandlerGeo_PlansEverything()
    {
        var old = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["FR"] } };
        var plan = InvalidationPlanner.Plan(old, old with { BlockedResponse = new BlockedResponse { Body = "Nope." } });
        Assert.Equal("/*", Assert.Single(plan.Paths).Path);
    }

    [Fact]
    public void Plan_TooManyWildcards_MergesClosestPrefixesAndSaysSo()
    {
        CacheRule Rule(string id, string path) => new() { Id = id, Path = path, MaxAge = 60 };
        var @new = new RulesDocument
        {
            Cache = [Rule("a", "/shop/shoes/*"), Rule("b", "/shop/shirts/*"), Rule("c", "/blog/*"), Rule("d", "/help/*")],
        };
        var plan = InvalidationPlanner.Plan(RulesDocument.Empty, @new, new InvalidationLimits(MaxWildcardPaths: 3));
        Assert.Equal(["/blog/*", "/help/*", "/shop/sh*"], plan.Paths.Select(p => p.Path));
        Assert.Equal(["cache/a", "cache/b"], plan.Paths[2].Reasons);
        Assert.True(plan.Coarsened);
        Assert.Contains(plan.Notes, n => n.Contains("/shop/sh*"));
    }

    [Fact]
    public void Plan_TooManyFiles_TurnsNeighboursIntoWildcards()
    {
        var redirects = Enumerable.Range(0, 40)
            .Select(i => new RedirectRule { Id = $"r{i}", Path = $"/old/page-{i}.html", Location = "https://www.example.com/" });
        var plan = InvalidationPlanner.Plan(RulesDocument.Empty, new RulesDocument { Redirects = [.. redirects] }, new InvalidationLimits(MaxPaths: 10));
        Assert.True(plan.Paths.Count <= 10);
        Assert.DoesNotContain(plan.Paths, p => p.Path == "/*");
        Assert.All(Enumerable.Range(0, 40), i => Assert.True(plan.Covers($"/old/page-{i}.html")));
        Assert.Equal(40, plan.Paths.SelectMany(p => p.Reasons).Distinct().Count());
    }

    [Fact]
    public void Plan_HugeReorder_StillCoversPairsFlippedLast()
    {
        // 200 overlapping rules reversed flip far more pairs than are checked one by one; the pair swapped
        // at the very end must still be planned.
        var many = Enumerable.Range(0, 200).Select(i => new CacheRule { Id = $"a{i}", Path = "/a/*", MaxAge = i }).ToList();
        CacheRule z1 = new() { Id = "z1", Path = "/z/*", MaxAge = 1 }, z2 = new() { Id = "z2", Path = "/z/*", MaxAge = 2 };
        var old = new RulesDocument { Cache = [.. many, z1, z2] };
        var @new = new RulesDocument { Cache = [.. Enumerable.Reverse(many), z2, z1] };
        var plan = InvalidationPlanner.Plan(old, @new);
        Assert.Equal(["/a/*", "/z/*"], plan.Paths.Select(p => p.Path));
        Assert.Equal(["cache/z1", "cache/z2"], plan.Paths[1].Reasons);
    }

    [Fact]
    public void Plan_LimitBelowOne_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InvalidationPlanner.Plan(RulesDocument.Empty, RulesDocument.Empty, new InvalidationLimits(0, 10)));

    [Theory]
    [InlineData("/video/*", "/video/*")]
    [InlineData("/about.html", "/about.html")]
    [InlineData("/a?c/*", "/a*")]
    [InlineData("/*.jpg", "/*")]
    [InlineData("*.jpg", "/*")]
    public void ForPattern_Pattern_GivesNarrowestCoveringPath(string pattern, string path) =>
        Assert.Equal(path, InvalidationPaths.ForPattern(pattern));
}

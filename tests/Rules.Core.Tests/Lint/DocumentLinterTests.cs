using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Rules.Tests.Lint;

public class DocumentLinterTests
{
    private static readonly RedirectRule CaHome = new() { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" };

    [Fact]
    public void Lint_EmptyDocument_HasNoWarning() => Assert.Empty(DocumentLinter.Lint(RulesDocument.Empty));

    [Fact]
    public void Lint_HttpOriginOnDefaultPort_SaysToSetPort80()
    {
        var doc = new RulesDocument
        {
            Origins = [new OriginRule { Id = "plain", Path = "/*", DomainName = "plain.example.com", Protocol = OriginProtocol.Http, AllowInsecure = true }],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc));
        Assert.Equal(LintCodes.OriginPortMismatch, warning.Code);
        Assert.Equal("/origins/0/port", warning.Pointer);
        Assert.Equal("Origin rule plain sends plain http to port 443 (the default), where origins answer https: set port 80 (or the port the origin serves http on).", warning.Message);
    }

    [Fact]
    public void Lint_HttpsOriginOnPort80_IsWarned()
    {
        var doc = new RulesDocument { Origins = [new OriginRule { Id = "o", Path = "/*", DomainName = "o.example.com", Port = 80 }] };
        Assert.Equal(LintCodes.OriginPortMismatch, Assert.Single(DocumentLinter.Lint(doc)).Code);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(8080, OriginProtocol.Http)]
    [InlineData(80, OriginProtocol.Http)]
    [InlineData(8443, OriginProtocol.Https)]
    public void Lint_OriginPortThatFitsItsProtocol_HasNoWarning(int? port, OriginProtocol? protocol)
    {
        var doc = new RulesDocument
        {
            Origins = [new OriginRule { Id = "o", Path = "/*", DomainName = "o.example.com", Port = port, Protocol = protocol, AllowInsecure = true }],
        };
        Assert.Empty(DocumentLinter.Lint(doc));
    }

    [Fact]
    public void Lint_RedirectAfterCatchAllForSameCountries_IsShadowed()
    {
        var doc = new RulesDocument
        {
            Redirects = [CaHome, new RedirectRule { Id = "ca-shows", Path = "/shows/*", Countries = ["CA"], Location = "https://ca.example.com/shows/" }],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.ShadowedRule);
        Assert.Equal("/redirects/1", warning.Pointer);
        Assert.Equal("ca-shows", warning.RuleId);
        Assert.Equal(RuleSection.Redirects, warning.Section);
        Assert.Contains("redirect ca-home (position 1)", warning.Message);
    }

    [Fact]
    public void Lint_LaterRedirectForOtherCountry_IsNotShadowed()
    {
        var doc = new RulesDocument
        {
            Redirects = [CaHome, new RedirectRule { Id = "us-shows", Path = "/shows/*", Countries = ["US"], Location = "https://us.example.com/" }],
        };
        Assert.DoesNotContain(DocumentLinter.Lint(doc), w => w.Code == LintCodes.ShadowedRule);
    }

    [Fact]
    public void Lint_LaterRedirectForEveryCountry_IsNotShadowedByCountrySpecificOne()
    {
        var doc = new RulesDocument
        {
            Redirects = [CaHome, new RedirectRule { Id = "all", Path = "/shows/*", Location = "https://www.example.com/" }],
        };
        Assert.DoesNotContain(DocumentLinter.Lint(doc), w => w.Code == LintCodes.ShadowedRule);
    }

    [Fact]
    public void Lint_AccessRuleAfterBroaderOne_IsShadowedWhateverItsCountries()
    {
        var doc = new RulesDocument
        {
            Access =
            [
                new AccessRule { Id = "live", Path = "/live/*", Mode = AccessMode.Block, Countries = ["GB"] },
                new AccessRule { Id = "bundesliga", Path = "/live/bundesliga/*", Mode = AccessMode.Allow, Countries = ["DE"] },
            ],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.ShadowedRule);
        Assert.Equal("/access/1", warning.Pointer);
    }

    [Fact]
    public void Lint_PatternsThatOnlyOverlap_AreNotShadowed()
    {
        var doc = new RulesDocument
        {
            Cache =
            [
                new CacheRule { Id = "jpg", Path = "/img/*.jpg", MaxAge = 60 },
                new CacheRule { Id = "img", Path = "/img/*", MaxAge = 600 },
                new CacheRule { Id = "img-a", Path = "/img/a?.jpg", MaxAge = 5 },
            ],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.ShadowedRule);
        Assert.Equal("img-a", warning.RuleId);
    }

    [Fact]
    public void Lint_RedirectForCountryGeoBlocks_SaysItNeverApplies()
    {
        var doc = new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "DE"] },
            Redirects = [CaHome],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.BlockedCountries);
        Assert.Equal("/redirects/0/countries", warning.Pointer);
        Assert.Equal("Redirect ca-home never applies: geo blocks every country it lists (CA).", warning.Message);
    }

    [Fact]
    public void Lint_OriginRuleForCountryAnAccessRuleBlocks_NamesTheAccessRule()
    {
        var doc = new RulesDocument
        {
            Access = [new AccessRule { Id = "dach", Path = "/library/*", Mode = AccessMode.Allow, Countries = ["DE", "AT", "CH"] }],
            Origins = [new OriginRule { Id = "eu", Path = "/library/eu/*", Countries = ["DE", "FR"], DomainName = "eu.example.com" }],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.BlockedCountries);
        Assert.Contains("lists FR, which access rule dach blocks", warning.Message);
    }

    [Fact]
    public void Lint_AccessRuleThatDecidesOnlySomeUris_IsNotBlamed()
    {
        var doc = new RulesDocument
        {
            Access =
            [
                new AccessRule { Id = "free", Path = "/library/free/*", Mode = AccessMode.Block, Countries = ["XK"] },
                new AccessRule { Id = "dach", Path = "/library/*", Mode = AccessMode.Allow, Countries = ["DE"] },
            ],
            Origins = [new OriginRule { Id = "fr", Path = "/library/*", Countries = ["FR"], DomainName = "fr.example.com" }],
        };
        Assert.DoesNotContain(DocumentLinter.Lint(doc), w => w.Code == LintCodes.BlockedCountries);
    }

    [Fact]
    public void Lint_CountrySpecificRules_AsksForCountryInCacheKey()
    {
        var doc = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["FR"] }, Redirects = [CaHome] };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.CountrySpecificRules);
        Assert.Equal("", warning.Pointer);
        Assert.Contains("CloudFront-Viewer-Country", warning.Message);
        Assert.Contains("geo (enforced by the handler), redirect ca-home", warning.Message);
    }

    [Fact]
    public void Lint_NoCountrySpecificRule_DoesNotMentionTheCacheKey()
    {
        var doc = new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["FR"], Enforce = GeoEnforcement.Distribution },
            Redirects = [CaHome with { Countries = [] }],
        };
        Assert.DoesNotContain(DocumentLinter.Lint(doc), w => w.Code == LintCodes.CountrySpecificRules);
    }

    [Fact]
    public void Lint_CacheRuleWithoutDirectives_HasNoEffect()
    {
        var doc = new RulesDocument { Cache = [new CacheRule { Id = "empty", Path = "/x/*", Public = false }] };
        var warning = Assert.Single(DocumentLinter.Lint(doc));
        Assert.Equal(LintCodes.CacheRuleNoEffect, warning.Code);
        Assert.Equal("/cache/0", warning.Pointer);
    }

    [Fact]
    public void Lint_CacheRuleUnderRedirectForEveryCountry_CannotTakeEffect()
    {
        var doc = new RulesDocument
        {
            Redirects = [new RedirectRule { Id = "old", Path = "/old/*", Location = "https://www.example.com/" }],
            Cache = [new CacheRule { Id = "old-cache", Path = "/old/img/*", MaxAge = 60 }],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc));
        Assert.Equal(LintCodes.CacheRuleNoEffect, warning.Code);
        Assert.Contains("redirect old answers every request for /old/img/*", warning.Message);
    }

    [Fact]
    public void Lint_OriginRuleUnderRedirect_IsUnreachable()
    {
        var doc = new RulesDocument
        {
            Redirects = [CaHome],
            Origins = [new OriginRule { Id = "ca-lib", Path = "/library/*", Countries = ["CA"], DomainName = "lib.example.com" }],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.UnreachableRule);
        Assert.Equal("/origins/0", warning.Pointer);
    }

    [Fact]
    public void Lint_GeoCountriesWithModeOff_AreIgnored()
    {
        var doc = new RulesDocument { Geo = new GeoSettings { Countries = ["FR"] } };
        var warning = Assert.Single(DocumentLinter.Lint(doc));
        Assert.Equal(LintCodes.GeoCountriesIgnored, warning.Code);
        Assert.Equal("/geo/countries", warning.Pointer);
    }

    [Fact]
    public void Lint_GeoAllowWithoutCountries_BlocksEveryone()
    {
        var doc = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Enforce = GeoEnforcement.Distribution } };
        Assert.Contains(DocumentLinter.Lint(doc), w => w.Code == LintCodes.GeoBlocksEveryone);
    }

    [Fact]
    public void Lint_DistributionGeoWithAccessRules_NotesThatUnknownCountryStillApplies()
    {
        var doc = new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["DE"], Enforce = GeoEnforcement.Distribution, UnknownCountry = UnknownCountryAction.Block },
            Access = [new AccessRule { Id = "dach", Path = "/live/*", Mode = AccessMode.Allow, Countries = ["DE"] }],
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc), w => w.Code == LintCodes.GeoUnknownCountry);
        Assert.Contains("unknownCountry (block) still decides access rules", warning.Message);
    }

    [Fact]
    public void Lint_DistributionGeoBlockingUnknownWithoutAccessRules_HasNoEffect()
    {
        var doc = new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["DE"], Enforce = GeoEnforcement.Distribution, UnknownCountry = UnknownCountryAction.Block },
        };
        var warning = Assert.Single(DocumentLinter.Lint(doc));
        Assert.Equal(LintCodes.GeoUnknownCountry, warning.Code);
        Assert.Contains("it has no effect", warning.Message);
    }
}

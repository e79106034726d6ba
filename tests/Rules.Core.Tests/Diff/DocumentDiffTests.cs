using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Diff;

public class DocumentDiffTests
{
    private static readonly RedirectRule CaHome = new() { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/", Status = 302 };
    private static readonly AccessRule Bundesliga = new() { Id = "bundesliga-live", Path = "/live/bundesliga/*", Mode = AccessMode.Allow, Countries = ["DE", "CH"] };

    private static readonly CacheRule Video = new() { Id = "video", Path = "/video/*", MaxAge = 86400 };
    private static readonly CacheRule Api = new() { Id = "api", Path = "/api/*", NoStore = true };
    private static readonly CacheRule Images = new() { Id = "images", Path = "/img/*", MaxAge = 600 };

    [Fact]
    public void Compare_SameDocument_IsEmpty()
    {
        var doc = new RulesDocument { Redirects = [CaHome], Access = [Bundesliga] };
        var changes = DocumentDiff.Compare(doc, doc with { });
        Assert.True(changes.IsEmpty);
        Assert.Equal(DocumentChanges.None, changes);
    }

    [Fact]
    public void Compare_RedirectStatus_ReportsFieldAndSentence()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Redirects = [CaHome] }, new RulesDocument { Redirects = [CaHome with { Status = 301 }] });
        var section = Assert.Single(changes.Sections);
        Assert.Equal(RuleSection.Redirects, section.Section);
        var change = Assert.Single(section.Changes);
        Assert.Equal(new RuleChange(RuleChangeKind.Changed, "ca-home", 0, 0, [new FieldChange("status", "302", "301")]), change);
        Assert.Equal(["Redirect ca-home now answers 301 instead of 302."], changes.Sentences);
    }

    [Fact]
    public void Compare_StatusAbsentAgainstDefault_SaysNothingChangesForViewers()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Redirects = [CaHome with { Status = null }] }, new RulesDocument { Redirects = [CaHome] });
        Assert.Equal(new FieldChange("status", null, "302"), Assert.Single(Assert.Single(changes.Sections).Changes).Fields.Single());
        Assert.Equal(["Redirect ca-home now states status 302 explicitly (unchanged)."], changes.Sentences);
    }

    [Fact]
    public void Compare_DefaultLeftOutAgain_SaysNothingChangesForViewers()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Redirects = [CaHome] }, new RulesDocument { Redirects = [CaHome with { Status = null }] });
        Assert.Equal(["Redirect ca-home no longer states status 302, the default (unchanged)."], changes.Sentences);
    }

    [Fact]
    public void Compare_OriginPathRemoved_SaysWhatItWas()
    {
        var origin = new OriginRule { Id = "eu", Path = "/library/*", DomainName = "eu.example.com", OriginPath = "/eu" };
        var changes = DocumentDiff.Compare(new RulesDocument { Origins = [origin] }, new RulesDocument { Origins = [origin with { OriginPath = null }] });
        Assert.Equal(["Origin rule eu no longer uses an origin path (it was /eu)."], changes.Sentences);
    }

    [Fact]
    public void Compare_OriginPortAndProtocol_SaysWhereRequestsNowGoOnce()
    {
        var origin = new OriginRule { Id = "eu", Path = "/library/*", DomainName = "eu.example.com", OriginPath = "/eu" };
        var changes = DocumentDiff.Compare(new RulesDocument { Origins = [origin] },
            new RulesDocument { Origins = [origin with { Port = 8080, Protocol = OriginProtocol.Http, AllowInsecure = true }] });
        Assert.Equal(["Origin rule eu now sends to http://eu.example.com:8080/eu instead of https://eu.example.com/eu; now allows protocol http."], changes.Sentences);
    }

    [Fact]
    public void Compare_OriginPortOnly_ShowsThePortInTheUrl()
    {
        var origin = new OriginRule { Id = "eu", Path = "/library/*", DomainName = "eu.example.com" };
        var changes = DocumentDiff.Compare(new RulesDocument { Origins = [origin] }, new RulesDocument { Origins = [origin with { Port = 8443 }] });
        Assert.Equal(["Origin rule eu now sends to https://eu.example.com:8443 instead of https://eu.example.com."], changes.Sentences);
    }

    [Fact]
    public void Compare_OriginDefaultPortAndProtocolStated_SaysNothingChangesForViewers()
    {
        var origin = new OriginRule { Id = "eu", Path = "/library/*", DomainName = "eu.example.com" };
        var changes = DocumentDiff.Compare(new RulesDocument { Origins = [origin] },
            new RulesDocument { Origins = [origin with { Port = 443, Protocol = OriginProtocol.Https }] });
        Assert.Equal(["Origin rule eu now states port 443 explicitly (unchanged); now states protocol https explicitly (unchanged)."], changes.Sentences);
    }

    [Fact]
    public void Compare_AccessCountries_SaysWhoIsNowAllowed()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Access = [Bundesliga] }, new RulesDocument { Access = [Bundesliga with { Countries = ["DE", "AT"] }] });
        Assert.Equal(["Access rule bundesliga-live now also allows AT and no longer allows CH."], changes.Sentences);
        Assert.Equal(new FieldChange("countries", "[\"DE\",\"CH\"]", "[\"DE\",\"AT\"]"), changes.Sections[0].Changes[0].Fields.Single());
    }

    [Fact]
    public void Compare_GeoBlockList_SaysWhichCountriesAreNowBlocked()
    {
        var old = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["RU"] } };
        var changes = DocumentDiff.Compare(old, old with { Geo = old.Geo! with { Countries = ["RU", "FR"] } });
        Assert.Equal(["Geo now blocks FR."], changes.Sentences);
        Assert.Equal([new FieldChange("countries", "[\"RU\"]", "[\"RU\",\"FR\"]")], changes.Geo);
    }

    [Fact]
    public void Compare_GeoModeAndUnknownCountry_DescribesBoth()
    {
        var changes = DocumentDiff.Compare(
            RulesDocument.Empty,
            new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US"], UnknownCountry = UnknownCountryAction.Block } });
        Assert.Equal(
            [
                "Geo now lets in only the listed countries instead of letting every country in.",
                "Geo now lists US instead of no country.",
                "Geo now blocks requests without a country instead of allowing them.",
            ],
            changes.Sentences);
    }

    [Fact]
    public void Compare_BlockedResponse_DescribesStatusAndCaching()
    {
        var changes = DocumentDiff.Compare(
            RulesDocument.Empty,
            new RulesDocument { BlockedResponse = new BlockedResponse { Status = 451, CacheSeconds = 60 } });
        Assert.Equal(
            [
                "The blocked response now answers 451 instead of 403.",
                "The blocked response now states cacheSeconds 60 explicitly (unchanged).",
            ],
            changes.Sentences);
    }

    [Fact]
    public void Compare_RuleMovedToFront_SaysWhatItNowTakesPrecedenceOver()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Cache = [Api, Images, Video] }, new RulesDocument { Cache = [Video, Api, Images] });
        var change = Assert.Single(Assert.Single(changes.Sections).Changes);
        Assert.Equal(new RuleChange(RuleChangeKind.Moved, "video", 2, 0, []), change);
        Assert.Equal(["Cache rule video moved from position 3 to 1 (it now takes precedence over api, images)."], changes.Sentences);
    }

    [Fact]
    public void Compare_RuleAddedAbove_DoesNotMoveTheOthers()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Cache = [Api, Images] }, new RulesDocument { Cache = [Video, Api, Images] });
        var change = Assert.Single(Assert.Single(changes.Sections).Changes);
        Assert.Equal(RuleChangeKind.Added, change.Kind);
        Assert.Equal(["Cache rule video was added at position 1 (path /video/*, sets max-age=86400)."], changes.Sentences);
    }

    [Fact]
    public void Compare_RuleRemoved_SaysWhereItWas()
    {
        var changes = DocumentDiff.Compare(new RulesDocument { Redirects = [CaHome] }, RulesDocument.Empty);
        Assert.Equal(new RuleChange(RuleChangeKind.Removed, "ca-home", 0, null, []), changes.Sections[0].Changes[0]);
        Assert.Equal(["Redirect ca-home was removed (it was at position 1, path /*, countries CA, 302 to https://ca.example.com/)."], changes.Sentences);
    }

    [Fact]
    public void Compare_CacheDirectives_SpeaksInHeaderTerms()
    {
        var changes = DocumentDiff.Compare(
            new RulesDocument { Cache = [Video] },
            new RulesDocument { Cache = [Video with { MaxAge = 600, Immutable = true, Mode = CacheMode.Default }] });
        Assert.Equal(
            ["Cache rule video now sets max-age=600 instead of max-age=86400; now sets immutable; now sets Cache-Control only when the origin sends none (mode default) instead of replacing it."],
            changes.Sentences);
    }

    [Fact]
    public void Compare_OriginRule_DescribesDomainAndCountries()
    {
        var origin = new OriginRule { Id = "eu-library", Path = "/library/*", Countries = ["DE"], DomainName = "eu.example.com" };
        var changes = DocumentDiff.Compare(
            new RulesDocument { Origins = [origin] },
            new RulesDocument { Origins = [origin with { DomainName = "eu2.example.com", Countries = [] }] });
        Assert.Equal(["Origin rule eu-library now applies to every country instead of only DE; now sends requests to eu2.example.com instead of eu.example.com."], changes.Sentences);
    }

    [Fact]
    public void Compare_EmptyGeoSectionAgainstAbsent_IsNotEmpty()
    {
        var changes = DocumentDiff.Compare(RulesDocument.Empty, new RulesDocument { Geo = new GeoSettings() });
        Assert.False(changes.IsEmpty);
        Assert.Equal([new FieldChange("geo", null, "{}")], changes.Geo);
    }
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Tests.Differential;

/// <summary>Hand-picked documents and requests at the edges of the contract, run on every test run.</summary>
internal static class FixedCorpus
{
    public static IEnumerable<(string Name, RulesDocument Document, IReadOnlyList<RequestCase> Requests)> All()
    {
        yield return ("seed", Seed, [
            Get("/", "US"), Get("/a/b", "CA", "x=1"), Get("/", "GB"), Get("/", "FR"), Get("/", null), Get("/", ""), Get("/", "ca"),
        ]);
        yield return ("shadowing", Shadowing, [
            Get("/video/1", "DE"), Get("/video/1", "US"), Get("/video/", "DE"), Get("/video", "DE"), Get("/video/a/b.mp4", null),
            Get("/v1deo/x", "FR"), Get("/VIDEO/1", "DE"), Get("/exact", "US"), Get("/exact/", "US"), Get("/a?c", "US"),
        ]);
        yield return ("locations", Locations, [
            Get("/keep/x", "US", "a=1"), Get("/keep/x", "US"), Get("/append/x/y", "US", "a=1&b=2"),
            Get("/append/x?y", "US", "q"), Get("/query/z", "US", "a=1"), Get("/noslash/z", "US"),
        ]);
        yield return ("access-and-unknown-country", AccessOnly, [
            Get("/live/1", null), Get("/live/1", ""), Get("/live/1", "de"), Get("/live/1", "US"), Get("/free", null),
            Get("/blocked/1", "GB"), Get("/blocked/1", "gb"), Get("/blocked/1", null),
        ]);
        yield return ("origins", Origins, [
            Get("/lib/1", "DE"), Get("/lib/1", "US", origin: OriginKind.S3), Get("/lib/1", null, origin: OriginKind.CustomWithSecret),
            Get("/lib/1", "DE", origin: OriginKind.CustomWithSecret), Get("/lib/1", "DE", origin: OriginKind.S3WithFolder),
            Get("/plain/1", "US", origin: OriginKind.CustomWithSecret), Get("/plain/1", "US", origin: OriginKind.S3WithFolder),
            Get("/alt/1", "US", origin: OriginKind.CustomWithSecret), Get("/alt/1", null, origin: OriginKind.S3),
            Get("/any", "FR", origin: OriginKind.S3), Get("/any", null), Get("/any", null, origin: OriginKind.S3WithFolder),
        ]);
        yield return ("cache", Cache, [
            Response("/video/a", null), Response("/video/a", ""), Response("/video/a", "max-age=1"), Response("/img/a", null),
            Response("/img/a", "no-cache"), Response("/img/a", ""), Response("/none/a", "max-age=2"), Response("/other", "private"),
            Response("/other", null),
        ]);
    }

    private static RequestCase Get(string uri, string? country, string query = "", OriginKind origin = OriginKind.Custom) =>
        new(new EdgeRequest { Uri = uri, Country = country, QueryString = query }, origin);

    private static RequestCase Response(string uri, string? cacheControl) =>
        new(new EdgeRequest { Uri = uri, Event = EdgeEvent.OriginResponse, ResponseCacheControl = cacheControl });

    private static RulesDocument Seed => new()
    {
        Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA", "GB", "DE"] },
        Redirects =
        [
            new RedirectRule { Id = "ca", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/", Status = 301 },
            new RedirectRule { Id = "us", Path = "/*", Countries = ["US"], Location = "https://us.example.com/", Status = 301 },
        ],
    };

    private static RulesDocument Shadowing => new()
    {
        Redirects =
        [
            new RedirectRule { Id = "de-video", Path = "/video/*", Countries = ["DE"], Location = "https://de.example.com/" },
            new RedirectRule { Id = "any-video", Path = "/v?deo/*", Location = "https://any.example.com/", AppendPath = true },
            new RedirectRule { Id = "everything", Path = "/*", Countries = ["US"], Location = "https://us.example.com/", Status = 307 },
            new RedirectRule { Id = "exact", Path = "/exact", Location = "https://exact.example.com/" },
            new RedirectRule { Id = "literal-question", Path = "/a?c", Countries = ["FR"], Location = "https://fr.example.com/" },
        ],
    };

    private static RulesDocument Locations => new()
    {
        Redirects =
        [
            new RedirectRule { Id = "keep", Path = "/keep/*", Location = "https://k.example.com/path/?src=edge" },
            new RedirectRule { Id = "append", Path = "/append/*", Location = "https://a.example.com/base/", AppendPath = true, Status = 308 },
            new RedirectRule { Id = "query", Path = "/query/*", Location = "https://q.example.com/?", KeepQuery = true, CacheSeconds = 0 },
            new RedirectRule { Id = "noslash", Path = "/noslash/*", Location = "https://n.example.com", AppendPath = true },
        ],
    };

    private static RulesDocument AccessOnly => new()
    {
        Geo = new GeoSettings { UnknownCountry = UnknownCountryAction.Block },
        BlockedResponse = new BlockedResponse { Status = 451, Body = "", CacheSeconds = 0 },
        Access =
        [
            new AccessRule { Id = "live-dach", Path = "/live/*", Mode = AccessMode.Allow, Countries = ["DE", "AT", "CH"] },
            new AccessRule { Id = "never-gb", Path = "/blocked/*", Mode = AccessMode.Block, Countries = ["GB"] },
            new AccessRule { Id = "shadowed", Path = "/live/*", Mode = AccessMode.Block, Countries = ["DE"] },
        ],
    };

    private static RulesDocument Origins => new()
    {
        Origins =
        [
            new OriginRule { Id = "eu", Path = "/lib/*", Countries = ["DE"], DomainName = "eu.example.com", OriginPath = "/eu" },
            new OriginRule
            {
                Id = "plain", Path = "/plain/*", DomainName = "plain.example.com", OriginPath = "/v2", Port = 8080,
                Protocol = OriginProtocol.Http, AllowInsecure = true,
            },
            new OriginRule { Id = "alt-port", Path = "/alt/*", DomainName = "alt.example.com", Port = 8443, Protocol = OriginProtocol.Https },
            new OriginRule { Id = "rest", Path = "/*", DomainName = "rest.example.com" },
        ],
    };

    private static RulesDocument Cache => new()
    {
        Cache =
        [
            new CacheRule { Id = "video", Path = "/video/*", MaxAge = 0, SMaxAge = 60, Public = true },
            new CacheRule { Id = "img", Path = "/img/*", NoStore = true, Mode = CacheMode.Default },
            new CacheRule { Id = "none", Path = "/none/*" },
            new CacheRule { Id = "other", Path = "/*", Private = true, NoCache = true, Immutable = true, StaleIfError = 5 },
        ],
    };
}

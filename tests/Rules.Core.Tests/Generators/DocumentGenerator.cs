using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Generators;

/// <summary>
/// Random valid rules documents for property tests. Patterns and countries come from small pools so
/// that rules overlap (shadowing, first-match order, country matches) far more often than chance would.
/// Every generated document passes <see cref="DocumentValidator"/>.
/// </summary>
public static class DocumentGenerator
{
    /// <summary>The countries documents speak of; requests should also use one outside it (<see cref="OtherCountry"/>).</summary>
    public static readonly string[] CountryPool = ["US", "CA", "GB", "DE", "AT", "CH", "FR", "JP"];

    /// <summary>An assigned country no generated document lists.</summary>
    public const string OtherCountry = "BR";

    private static readonly string[] _pathParts = ["video/", "live/", "api/", "a", "b", "*", "?", ".mp4", "/", "x?z/", "**"];

    private static readonly string[] _uriParts = ["video", "live", "api", "a", "b", "x.mp4", "xyz", "ab", ""];

    public static readonly Gen<string> Country = Gen.OneOf(CountryPool);

    /// <summary>A viewer country for a request: from the pool, outside it, or none.</summary>
    public static readonly Gen<string?> RequestCountry = Gen.Frequency<string?>(
        (6, Country.Select(c => (string?)c)), (1, Gen.Const<string?>(OtherCountry)), (1, Gen.Const((string?)null)));

    /// <summary>A path pattern built from a few parts, with <c>*</c> and <c>?</c> often.</summary>
    public static readonly Gen<string> PathPattern =
        Gen.OneOf(_pathParts).Array[0, 5].Select(parts => "/" + string.Concat(parts));

    /// <summary>A request URI made of the same words the patterns use, so that many of them match.</summary>
    public static readonly Gen<string> RequestUri =
        Gen.OneOf(_uriParts).Array[0, 4].Select(parts => "/" + string.Join('/', parts));

    /// <summary>A query string without its leading <c>?</c>, often empty.</summary>
    public static readonly Gen<string> QueryString = Gen.OneOf("", "", "a=1", "a=1&b=%20x", "utm_source=mail");

    /// <summary>
    /// A raw <c>cloudfront-viewer-country</c> value: mostly a pool country, sometimes lower case,
    /// outside the pool, empty or absent (the evaluator upper-cases it and treats empty as none).
    /// </summary>
    public static readonly Gen<string?> HeaderCountry = Gen.Frequency<string?>(
        (8, RequestCountry), (1, Country.Select(c => (string?)c.ToLowerInvariant())), (1, Gen.Const((string?)"")));

    /// <summary>A request at either event, with URIs and countries that often meet the generated rules.</summary>
    public static readonly Gen<EdgeRequest> Request =
        Gen.Select(RequestUri, HeaderCountry, QueryString, Gen.OneOf(EdgeEvent.OriginRequest, EdgeEvent.OriginResponse),
                Gen.OneOf<string?>(null, null, "max-age=60", "no-cache, private"))
            .Select((uri, country, query, edgeEvent, cacheControl) => new EdgeRequest
            {
                Uri = uri,
                Country = country,
                QueryString = query,
                Event = edgeEvent,
                ResponseCacheControl = edgeEvent == EdgeEvent.OriginResponse ? cacheControl : null,
            });

    public static Gen<EquatableArray<string>> Countries(int min, int max) =>
        Gen.Shuffle(CountryPool, min, max).Select(codes => (EquatableArray<string>)[.. codes]);

    private static readonly Gen<string?> _description =
        Gen.OneOf<string?>(null, null, "", "Licensed for DACH only", "Überall außer 日本 🌍", "quote \" backslash \\ newline \n");

    private static readonly Gen<int?> _seconds = Gen.Frequency<int?>(
        (2, Gen.Const((int?)null)), (1, Gen.Const<int?>(0)), (1, Gen.Const<int?>(Limits.MaxSeconds)),
        (3, Gen.Int[0, Limits.MaxSeconds].Select(s => (int?)s)));

    private static readonly Gen<bool?> _flag = Gen.OneOf<bool?>(null, true, false);

    public static readonly Gen<GeoSettings> Geo =
        Gen.Select(Gen.OneOf<GeoMode?>(null, GeoMode.Off, GeoMode.Allow, GeoMode.Block), Countries(1, 4), Countries(0, 2),
                Gen.OneOf<UnknownCountryAction?>(null, UnknownCountryAction.Allow, UnknownCountryAction.Block),
                Gen.OneOf<GeoEnforcement?>(null, GeoEnforcement.Handler, GeoEnforcement.Distribution, GeoEnforcement.Both))
            .Select((mode, listed, maybe, unknown, enforce) => new GeoSettings
            {
                Mode = mode,
                Countries = mode is GeoMode.Allow or GeoMode.Block ? listed : maybe,
                UnknownCountry = unknown,
                Enforce = enforce,
            });

    public static readonly Gen<BlockedResponse> BlockedResponse =
        Gen.Select(Gen.OneOf<int?>(null, 403, 451), Gen.OneOf<string?>(null, "text/plain; charset=utf-8", "text/html"),
                Gen.OneOf<string?>(null, "", "Not here.", "<h1>Nicht verfügbar</h1>\n"), _seconds)
            .Select((status, contentType, body, seconds) => new BlockedResponse
            {
                Status = status, ContentType = contentType, Body = body, CacheSeconds = seconds,
            });

    public static readonly Gen<AccessRule> Access =
        Gen.Select(_description, PathPattern, Gen.OneOf(AccessMode.Allow, AccessMode.Block), Countries(1, 3))
            .Select((description, path, mode, countries) => new AccessRule
            {
                Description = description, Path = path, Mode = mode, Countries = countries,
            });

    public static readonly Gen<RedirectRule> Redirect =
        Gen.Select(_description, PathPattern, Countries(0, 3),
                Gen.OneOf("https://ca.example.com/", "https://us.example.com", "https://example.com/shop?from=edge", "http://legacy.example.com/"),
                Gen.OneOf<int?>(null, 301, 302, 303, 307, 308), _flag, _flag, _seconds)
            .Select(Gen.OneOf<bool?>(null, true, false), (fields, allowInsecure) => new RedirectRule
            {
                Description = fields.Item1,
                Path = fields.Item2,
                Countries = fields.Item3,
                Location = fields.Item4,
                Status = fields.Item5,
                // A query in location excludes appendPath (the path would land after the query).
                AppendPath = fields.Item4.Contains('?') && fields.Item6 == true ? false : fields.Item6,
                KeepQuery = fields.Item7,
                CacheSeconds = fields.Item8,
                AllowInsecure = fields.Item4.StartsWith("http:", StringComparison.Ordinal) ? true : allowInsecure,
            });

    public static readonly Gen<OriginRule> Origin =
        Gen.Select(_description, PathPattern, Countries(0, 3),
                Gen.OneOf("eu-library.example.com", "assets.example.net", "origin-2.example.org"),
                Gen.OneOf<string?>(null, "/eu", "/a/b"), Gen.OneOf<int?>(null, 1, 80, 443, 8443, 65535),
                Gen.OneOf<OriginProtocol?>(null, OriginProtocol.Https, OriginProtocol.Http), _flag)
            .Select((description, path, countries, domainName, originPath, port, protocol, allowInsecure) => new OriginRule
            {
                Description = description, Path = path, Countries = countries, DomainName = domainName, OriginPath = originPath,
                Port = port, Protocol = protocol,
                // http is valid only with allowInsecure.
                AllowInsecure = protocol == OriginProtocol.Http ? true : allowInsecure,
            });

    public static readonly Gen<CacheRule> Cache =
        Gen.Select(_description, PathPattern, _seconds, _seconds, _seconds, _seconds,
                Gen.Select(_flag, _flag, _flag, Gen.Frequency<bool?>((4, Gen.Const((bool?)null)), (1, Gen.Const<bool?>(true))), _flag),
                Gen.OneOf<CacheMode?>(null, CacheMode.Override, CacheMode.Default))
            .Select((description, path, maxAge, sMaxAge, swr, sie, flags, mode) => Consistent(new CacheRule
            {
                Description = description, Path = path, MaxAge = maxAge, SMaxAge = sMaxAge, StaleWhileRevalidate = swr, StaleIfError = sie,
                Public = flags.Item1, Private = flags.Item2, NoCache = flags.Item3, NoStore = flags.Item4, Immutable = flags.Item5, Mode = mode,
            }));

    /// <summary>A valid document; every section appears often, and is sometimes absent.</summary>
    public static readonly Gen<RulesDocument> Document =
        Gen.Select(Geo.Null(0.3), BlockedResponse.Null(0.5), Access.Array[0, 3], Redirect.Array[0, 4], Origin.Array[0, 3], Cache.Array[0, 4])
            .Select((geo, blocked, access, redirects, origins, cache) => new RulesDocument
            {
                Geo = geo,
                BlockedResponse = blocked,
                Access = [.. access.Select((r, i) => r with { Id = $"access-{i}" })],
                Redirects = [.. redirects.Select((r, i) => r with { Id = $"redirect_{i}" })],
                Origins = [.. origins.Select((r, i) => r with { Id = $"o{i}" })],
                Cache = [.. cache.Select((r, i) => r with { Id = $"cache-{i}" })],
            });

    // noStore excludes every other directive, private excludes sMaxAge and public.
    private static CacheRule Consistent(CacheRule rule) =>
        rule.NoStore == true
            ? new CacheRule { Description = rule.Description, Path = rule.Path, NoStore = true, Mode = rule.Mode }
            : rule.Private == true
                ? rule with { SMaxAge = null, Public = rule.Public == true ? null : rule.Public }
                : rule;
}

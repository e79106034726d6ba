using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Differential;

/// <summary>
/// Random documents made to collide: a small vocabulary of path segments, so patterns overlap and
/// shadow each other, with '*' and '?' anywhere; few countries, so lists intersect; every optional
/// field sometimes absent. Deterministic for a given Random.
/// </summary>
internal static class RandomDocuments
{
    public static readonly string[] Countries = ["US", "CA", "DE", "GB", "FR", "AT"];

    private static readonly string[] _segments = ["a", "b", "ab", "v", "api", "x.mp4", "live", ""];
    private static readonly string[] _locations =
        ["https://a.example.com/", "https://b.example.com/x?y=1", "https://c.example.com", "http://d.example.com/p/", "https://e.example.com/?"];
    private static readonly int?[] _redirectStatuses = [null, 301, 302, 303, 307, 308];
    private static readonly int?[] _seconds = [null, 0, 60, 3600, 31_536_000];

    public static RulesDocument Next(Random random) => new()
    {
        Geo = random.Next(4) == 0 ? null : new GeoSettings
        {
            Mode = Pick<GeoMode?>(random, [null, GeoMode.Off, GeoMode.Allow, GeoMode.Block]),
            Countries = CountryList(random, allowEmpty: false),
            UnknownCountry = Pick<UnknownCountryAction?>(random, [null, UnknownCountryAction.Allow, UnknownCountryAction.Block]),
            Enforce = Pick<GeoEnforcement?>(random, [null, GeoEnforcement.Handler, GeoEnforcement.Distribution, GeoEnforcement.Both]),
        },
        BlockedResponse = random.Next(2) == 0 ? null : new BlockedResponse
        {
            Status = Pick<int?>(random, [null, 403, 451]),
            ContentType = Pick<string?>(random, [null, "text/html; charset=utf-8"]),
            Body = Pick<string?>(random, [null, "", "Nicht verfügbar – 🙁", "line1\nline2 \"quoted\""]),
            CacheSeconds = Pick(random, _seconds),
        },
        Access = [.. Times(random, 4, i => new AccessRule
        {
            Id = $"access-{i}",
            Path = Pattern(random),
            Mode = Pick(random, [AccessMode.Allow, AccessMode.Block]),
            Countries = CountryList(random, allowEmpty: false),
        })],
        Redirects = [.. Times(random, 6, i => Redirect(random, i))],
        Origins = [.. Times(random, 5, i => Origin(random, i))],
        Cache = [.. Times(random, 5, i => CacheRule(random, i))],
    };

    /// <summary>A path pattern of one to three parts; about half end in '*', '?' appears in segments.</summary>
    public static string Pattern(Random random)
    {
        if (random.Next(10) == 0)
        {
            return Pick(random, ["/*", "/", "/?", "/**", "/*/*"]);
        }
        var parts = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => random.Next(6) switch
        {
            0 => "*",
            1 => "?",
            2 => Pick(random, _segments) + "*",
            3 => WithQuestionMark(random, Pick(random, _segments)),
            _ => Pick(random, _segments),
        });
        var pattern = "/" + string.Join('/', parts);
        return random.Next(3) == 0 ? pattern + "*" : pattern;
    }

    private static RedirectRule Redirect(Random random, int index)
    {
        var location = Pick(random, _locations);
        return new RedirectRule
        {
            Id = $"redirect-{index}",
            Path = Pattern(random),
            Countries = CountryList(random, allowEmpty: true),
            Location = location,
            Status = Pick(random, _redirectStatuses),
            // The validator refuses appendPath with a query in location, and http:// without allowInsecure.
            AppendPath = location.Contains('?') ? Pick<bool?>(random, [null, false]) : Pick<bool?>(random, [null, true, false]),
            KeepQuery = Pick<bool?>(random, [null, true, false]),
            CacheSeconds = Pick(random, _seconds),
            AllowInsecure = location.StartsWith("http://", StringComparison.Ordinal) ? true : null,
        };
    }

    private static OriginRule Origin(Random random, int index)
    {
        var protocol = Pick<OriginProtocol?>(random, [null, OriginProtocol.Https, OriginProtocol.Http]);
        return new OriginRule
        {
            Id = $"origin-{index}",
            Path = Pattern(random),
            Countries = CountryList(random, allowEmpty: true),
            DomainName = Pick(random, ["o1.example.com", "o2.example.com", "eu.o3.example.com"]),
            OriginPath = Pick<string?>(random, [null, "/p", "/eu/v2"]),
            Port = Pick<int?>(random, [null, 443, 80, 8080, 65535]),
            Protocol = protocol,
            // The validator refuses http without allowInsecure; with https it is allowed and changes nothing.
            AllowInsecure = protocol == OriginProtocol.Http ? true : Pick<bool?>(random, [null, null, true]),
        };
    }

    private static CacheRule CacheRule(Random random, int index)
    {
        var noStore = random.Next(6) == 0;
        var isPrivate = !noStore && random.Next(4) == 0;
        return new CacheRule
        {
            Id = $"cache-{index}",
            Path = Pattern(random),
            NoStore = noStore ? true : null,
            Private = isPrivate ? true : null,
            Public = noStore || isPrivate ? null : Pick<bool?>(random, [null, true, false]),
            NoCache = noStore ? null : Pick<bool?>(random, [null, null, true]),
            MaxAge = noStore ? null : Pick(random, _seconds),
            SMaxAge = noStore || isPrivate ? null : Pick(random, _seconds),
            StaleWhileRevalidate = noStore ? null : Pick(random, _seconds),
            StaleIfError = noStore ? null : Pick(random, _seconds),
            Immutable = noStore ? null : Pick<bool?>(random, [null, null, true]),
            Mode = Pick<CacheMode?>(random, [null, CacheMode.Override, CacheMode.Default]),
        };
    }

    private static string WithQuestionMark(Random random, string segment) =>
        segment.Length == 0 ? "?" : segment.Remove(random.Next(segment.Length), 1).Insert(random.Next(segment.Length), "?");

    private static EquatableArray<string> CountryList(Random random, bool allowEmpty)
    {
        var count = allowEmpty && random.Next(3) == 0 ? 0 : 1 + random.Next(3);
        return [.. Countries.OrderBy(_ => random.Next()).Take(count)];
    }

    private static IEnumerable<T> Times<T>(Random random, int max, Func<int, T> create) =>
        Enumerable.Range(0, random.Next(max + 1)).Select(create).ToList();

    internal static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

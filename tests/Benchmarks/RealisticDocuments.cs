using EdgePortal.Rules.Document;

namespace EdgePortal.Benchmarks;

/// <summary>
/// Documents shaped like a large CDN's: most rules are vanity or legacy URLs (exact paths), a quarter
/// cover a folder (<c>/area/name/*</c>), a few use wildcards in the middle or '?'. Half of the redirects
/// and origin rules apply to every country, the rest to one to three of the twenty busiest.
/// </summary>
public static class RealisticDocuments
{
    public static readonly string[] Countries =
        ["US", "GB", "DE", "CA", "FR", "JP", "BR", "IN", "AU", "NL", "ES", "IT", "MX", "SE", "PL", "KR", "CH", "AT", "BE", "IE"];

    public static readonly string[] Areas = ["products", "articles", "shows", "promo", "help", "live", "library", "assets"];

    private static readonly string[] _words = ["summer-sale", "series", "match", "guide", "trailer", "episode", "catalog", "launch"];

    /// <summary>A document of exactly <paramref name="ruleCount"/> rules: 50% redirects, 20% cache, 15% origins, 15% access.</summary>
    public static RulesDocument Create(int ruleCount, int seed = 1) => Make(ruleCount, seed, accessPercent: 15);

    /// <summary>
    /// A licensing-heavy catalogue of exactly <paramref name="ruleCount"/> rules, as a VOD service has: 57%
    /// access rules, each allowing (two in three) or blocking one to three countries, the rest redirects,
    /// cache and origin rules in <see cref="Create"/>'s proportions (50 : 20 : 15).
    /// </summary>
    public static RulesDocument Licensing(int ruleCount, int seed = 1) => Make(ruleCount, seed, accessPercent: 57);

    private static RulesDocument Make(int ruleCount, int seed, int accessPercent)
    {
        var random = new Random(seed);
        var others = ruleCount - (ruleCount * accessPercent / 100);
        var redirects = others * 50 / 85;
        var cache = others * 20 / 85;
        var origins = others * 15 / 85;
        var access = ruleCount - redirects - cache - origins;
        var index = 0;
        return new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = [.. Countries] },
            Access = [.. Enumerable.Range(0, access).Select(_ => new AccessRule
            {
                Id = $"access-{index}",
                Path = PatternFor(random, index++),
                Mode = random.Next(3) == 0 ? AccessMode.Block : AccessMode.Allow,
                Countries = SomeCountries(random, allowEmpty: false),
            })],
            Redirects = [.. Enumerable.Range(0, redirects).Select(_ => new RedirectRule
            {
                Id = $"redirect-{index}",
                Path = PatternFor(random, index),
                Countries = SomeCountries(random, allowEmpty: true),
                Location = $"https://www.example.com/new/{index++}/",
                Status = random.Next(2) == 0 ? 301 : 302,
                AppendPath = random.Next(4) == 0,
            })],
            Origins = [.. Enumerable.Range(0, origins).Select(_ => new OriginRule
            {
                Id = $"origin-{index}",
                Path = PatternFor(random, index++),
                Countries = SomeCountries(random, allowEmpty: true),
                DomainName = $"origin-{random.Next(8)}.example.com",
            })],
            Cache = [.. Enumerable.Range(0, cache).Select(_ => new CacheRule
            {
                Id = $"cache-{index}",
                Path = PatternFor(random, index++),
                MaxAge = 60 * random.Next(1, 1440),
                Public = true,
            })],
        };
    }

    /// <summary>65% exact, 27% folder prefix, 8% general patterns; the index makes every path distinct.</summary>
    public static string PatternFor(Random random, int index)
    {
        var area = Areas[random.Next(Areas.Length)];
        var word = _words[random.Next(_words.Length)];
        return random.Next(100) switch
        {
            < 65 => $"/{area}/{word}-{index}",
            < 92 => $"/{area}/{word}-{index}/*",
            < 96 => $"/{area}/*/{word}-{index}.m3u8",
            _ => $"/{area}/{word}-{index}/??/*",
        };
    }

    private static EquatableArray<string> SomeCountries(Random random, bool allowEmpty)
    {
        if (allowEmpty && random.Next(2) == 0)
        {
            return [];
        }
        return [.. Countries.OrderBy(_ => random.Next()).Take(1 + random.Next(3))];
    }
}

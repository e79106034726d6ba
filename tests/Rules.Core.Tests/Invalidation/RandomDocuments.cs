using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Rules.Tests.Invalidation;

/// <summary>
/// Generators for planner, diff and lint properties. Patterns and URIs share a tiny alphabet so that rules
/// overlap and random requests hit them often; countries come from a short list plus one nobody names.
/// </summary>
internal static class RandomDocuments
{
    public static readonly string[] Countries = ["US", "CA", "DE", "AT", "FR"];

    public static readonly Gen<string> Pattern =
        Gen.OneOf("a", "b", "/", "*", "?", "c/", "*.j").Array[0, 4].Select(tokens => "/" + string.Concat(tokens));

    public static readonly Gen<string> Uri =
        Gen.OneOf("a", "b", "/", "c/", "x", ".j").Array[0, 5].Select(tokens => "/" + string.Concat(tokens));

    private static Gen<EquatableArray<string>> CountrySet(int min) =>
        Gen.OneOf(Countries).ArrayUnique[min, 3].Select(list => (EquatableArray<string>)[.. list]);

    public static readonly Gen<GeoSettings> Geo = Gen.Select(
        Gen.Enum<GeoMode>().Nullable(0.2), CountrySet(0), Gen.Enum<UnknownCountryAction>().Nullable(0.5), Gen.Enum<GeoEnforcement>().Nullable(0.5),
        (mode, countries, unknown, enforce) => new GeoSettings { Mode = mode, Countries = countries, UnknownCountry = unknown, Enforce = enforce });

    public static readonly Gen<BlockedResponse> Blocked = Gen.Select(
        Gen.OneOf(403, 451).Nullable(0.5), Gen.OneOf("Nope.", "Not here.").Null(0.5), Gen.OneOf(60, 120).Nullable(0.5),
        (status, body, seconds) => new BlockedResponse { Status = status, Body = body, CacheSeconds = seconds });

    public static readonly Gen<AccessRule> Access = Gen.Select(Pattern, Gen.Enum<AccessMode>(), CountrySet(1),
        (path, mode, countries) => new AccessRule { Path = path, Mode = mode, Countries = countries });

    public static readonly Gen<RedirectRule> Redirect = Gen.Select(
        Gen.Select(Pattern, CountrySet(0), Gen.OneOf("https://a.example/", "https://b.example/?x=1")),
        Gen.Select(Gen.OneOf(301, 302, 307).Nullable(0.3), Gen.Bool.Nullable(0.5), Gen.Bool.Nullable(0.5), Gen.OneOf(60, 300).Nullable(0.5)),
        (a, b) => new RedirectRule
        {
            Path = a.Item1, Countries = a.Item2, Location = a.Item3,
            Status = b.Item1, AppendPath = b.Item2, KeepQuery = b.Item3, CacheSeconds = b.Item4,
        });

    public static readonly Gen<OriginRule> Origin = Gen.Select(Pattern, CountrySet(0), Gen.OneOf("eu.example.com", "us.example.com"), Gen.OneOf("/eu").Null(0.5),
        (path, countries, domain, originPath) => new OriginRule { Path = path, Countries = countries, DomainName = domain, OriginPath = originPath });

    public static readonly Gen<CacheRule> Cache = Gen.Select(
        Gen.Select(Pattern, Gen.OneOf(0, 60, 600).Nullable(0.5), Gen.OneOf(3600).Nullable(0.7), Gen.Enum<CacheMode>().Nullable(0.5)),
        Gen.Select(Gen.Bool.Nullable(0.6), Gen.Bool.Nullable(0.8), Gen.Bool.Nullable(0.8)),
        (a, b) => new CacheRule
        {
            Path = a.Item1, MaxAge = a.Item2, SMaxAge = a.Item3, Mode = a.Item4,
            Public = b.Item1, NoStore = b.Item2, Immutable = b.Item3,
        });

    public static readonly Gen<RulesDocument> Document = Gen.Select(
        Gen.Select(Geo.Null(0.3), Blocked.Null(0.5)),
        Gen.Select(Access.Array[0, 3], Redirect.Array[0, 4], Origin.Array[0, 3], Cache.Array[0, 3]),
        (top, rules) => new RulesDocument
        {
            Geo = top.Item1,
            BlockedResponse = top.Item2,
            Access = [.. rules.Item1.Select((r, i) => r with { Id = $"a{i}" })],
            Redirects = [.. rules.Item2.Select((r, i) => r with { Id = $"r{i}" })],
            Origins = [.. rules.Item3.Select((r, i) => r with { Id = $"o{i}" })],
            Cache = [.. rules.Item4.Select((r, i) => r with { Id = $"c{i}" })],
        });

    public static readonly Gen<EdgeRequest> Request = Gen.Select(
        Gen.OneOf<string?>(null, "US", "CA", "DE", "AT", "FR", "GB"), Uri, Gen.OneOf("", "x=1"), Gen.OneOf<string?>(null, "max-age=5"),
        (country, uri, query, cacheControl) => new EdgeRequest { Country = country, Uri = uri, QueryString = query, ResponseCacheControl = cacheControl });

    /// <summary>What a viewer or CloudFront's cache sees of a decision: no trace, no rule id.</summary>
    public static Decision Answer(RulesDocument document, EdgeRequest request) =>
        RuleEvaluator.Evaluate(document, request) with { Trace = [], RuleId = null, Section = null };
}

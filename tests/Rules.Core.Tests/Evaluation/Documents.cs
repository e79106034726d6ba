using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Evaluation;

/// <summary>Documents the evaluator tests share, built in C# so these tests do not depend on the JSON reader.</summary>
internal static class Documents
{
    /// <summary>The seed example of the contract: allow US, CA, GB, DE; CA and US sent to their own sites.</summary>
    public static RulesDocument Seed { get; } = new()
    {
        Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA", "GB", "DE"] },
        Redirects =
        [
            new RedirectRule { Id = "ca", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/", Status = 301 },
            new RedirectRule { Id = "us", Path = "/*", Countries = ["US"], Location = "https://us.example.com/", Status = 301 },
        ],
    };

    /// <summary>The full example of the contract.</summary>
    public static RulesDocument Vod { get; } = new()
    {
        Geo = new GeoSettings
        {
            Mode = GeoMode.Allow,
            Countries = ["US", "CA", "GB", "DE", "AT", "CH"],
            UnknownCountry = UnknownCountryAction.Allow,
            Enforce = GeoEnforcement.Handler,
        },
        BlockedResponse = new BlockedResponse { Status = 451, Body = "Not here.", CacheSeconds = 120 },
        Access =
        [
            new AccessRule { Id = "bundesliga-live", Path = "/live/bundesliga/*", Mode = AccessMode.Allow, Countries = ["DE", "AT", "CH"] },
            new AccessRule { Id = "uk-only-block", Path = "/live/*", Mode = AccessMode.Block, Countries = ["GB"] },
        ],
        Redirects =
        [
            new RedirectRule { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/", Status = 301, AppendPath = false, KeepQuery = true, CacheSeconds = 3600 },
            new RedirectRule { Id = "old-shows", Path = "/shows/*", Location = "https://www.example.com/series/", AppendPath = true },
        ],
        Origins =
        [
            new OriginRule { Id = "eu-library", Path = "/library/*", Countries = ["DE", "AT"], DomainName = "eu-library.example.com", OriginPath = "/eu" },
        ],
        Cache =
        [
            new CacheRule { Id = "video", Path = "/video/*", MaxAge = 86400, SMaxAge = 604800, StaleWhileRevalidate = 300, StaleIfError = 86400, Mode = CacheMode.Override },
            new CacheRule { Id = "api", Path = "/api/*", NoStore = true },
            new CacheRule { Id = "images", Path = "/img/*", Public = true, MaxAge = 600, Immutable = true, Mode = CacheMode.Default },
        ],
    };
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Handler;

internal static class SampleDocuments
{
    /// <summary>One rule of every kind, the shapes of the contract's example.</summary>
    public static RulesDocument Vod { get; } = new()
    {
        Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA", "GB", "DE", "AT"] },
        Access =
        [
            new AccessRule { Id = "bundesliga-live", Path = "/live/bundesliga/*", Mode = AccessMode.Allow, Countries = ["DE", "AT"] },
        ],
        Redirects =
        [
            new RedirectRule { Id = "ca-home", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/", Status = 301, CacheSeconds = 3600 },
            new RedirectRule { Id = "old-shows", Path = "/shows/*", Location = "https://www.example.com/series/", AppendPath = true, KeepQuery = false },
        ],
        Origins =
        [
            new OriginRule { Id = "eu-library", Path = "/library/*", Countries = ["DE", "AT"], DomainName = "eu-library.example.com", OriginPath = "/eu" },
            new OriginRule { Id = "archive", Path = "/archive/????/*", DomainName = "archive.example.com" },
        ],
        Cache =
        [
            new CacheRule { Id = "video", Path = "/video/*", MaxAge = 86400, SMaxAge = 604800, StaleWhileRevalidate = 300, StaleIfError = 86400 },
            new CacheRule { Id = "images", Path = "/img/*", Public = true, MaxAge = 600, Immutable = true, Mode = CacheMode.Default },
            new CacheRule { Id = "nothing", Path = "/plain/*" },
        ],
    };

    public static RulesDocument LegalBlock { get; } = Vod with
    {
        BlockedResponse = new BlockedResponse { Status = 451, ContentType = "text/html; charset=utf-8", Body = "<p>Nicht verfügbar.</p>", CacheSeconds = 30 },
    };
}

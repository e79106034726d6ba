namespace EdgePortal.Edge.Simulation;

/// <summary>
/// The cache policies AWS manages, by their real ids and settings, as
/// https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html lists them.
/// Every account can read them with GetCachePolicy; the API names them with a <c>Managed-</c> prefix.
/// </summary>
public static class ManagedCachePolicies
{
    public const string CachingOptimizedId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    public const string CachingDisabledId = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    public const string AmplifyId = "2e54312d-136d-493c-8eb9-b001f22f67d2";

    private static readonly DateTimeOffset Published = new(2020, 7, 22, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] OriginCacheControlHeaders = ["host", "origin", "x-http-method-override", "x-http-method", "x-method-override"];

    public static IReadOnlyList<CachePolicyRecord> All { get; } =
    [
        Policy(AmplifyId, "Amplify", 2, 2, 600, compress: true) with
        {
            HeaderBehavior = "whitelist",
            Headers = ["Authorization", "CloudFront-Viewer-Country", "Host"],
            CookieBehavior = "all",
            QueryStringBehavior = "all",
        },
        Policy(CachingDisabledId, "CachingDisabled", 0, 0, 0, compress: false),
        Policy(CachingOptimizedId, "CachingOptimized", 1, 86400, 31536000, compress: true),
        Policy("b2884449-e4de-46a7-ac36-70bc7f1ddd6d", "CachingOptimizedForUncompressedObjects", 1, 86400, 31536000, compress: false),
        Policy("08627262-05a9-4f76-9ded-b50ca2e3a84f", "Elemental-MediaPackage", 0, 86400, 31536000, compress: false) with
        {
            EnableAcceptEncodingGzip = true,
            HeaderBehavior = "whitelist",
            Headers = ["origin"],
            QueryStringBehavior = "whitelist",
            QueryStrings = ["aws.manifestfilter", "start", "end", "m"],
        },
        Policy("83da9c7e-98b4-4e11-a168-04f0df8e2c65", "UseOriginCacheControlHeaders", 0, 0, 31536000, compress: true) with
        {
            HeaderBehavior = "whitelist",
            Headers = OriginCacheControlHeaders,
            CookieBehavior = "all",
        },
        Policy("4cc15a8a-d715-48a4-82b8-cc0b614638fe", "UseOriginCacheControlHeaders-QueryStrings", 0, 0, 31536000, compress: true) with
        {
            HeaderBehavior = "whitelist",
            Headers = OriginCacheControlHeaders,
            CookieBehavior = "all",
            QueryStringBehavior = "all",
        },
    ];

    public static CachePolicyRecord? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    private static CachePolicyRecord Policy(string id, string name, long min, long @default, long max, bool compress) => new()
    {
        Id = id,
        Name = "Managed-" + name,
        Comment = $"Managed policy {name}",
        MinTtl = min,
        DefaultTtl = @default,
        MaxTtl = max,
        EnableAcceptEncodingGzip = compress,
        EnableAcceptEncodingBrotli = compress,
        LastModified = Published,
    };
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Shipping;

/// <summary>
/// The CloudFront operations publishing needs, and no more (AWSSDK.CloudFront is not served here).
/// The distribution configuration travels as XML so that every element the portal does not manage
/// is written back exactly as it was read.
/// </summary>
public interface ICloudFrontClient
{
    /// <summary>GetDistributionConfig: the config's XML and its ETag.</summary>
    Task<DistributionConfigSnapshot> GetDistributionConfigAsync(string distributionId, CancellationToken cancellationToken);

    /// <summary>UpdateDistribution with If-Match; returns the new ETag. A stale ETag throws <see cref="AwsServiceException"/> with code PreconditionFailed.</summary>
    Task<string> UpdateDistributionAsync(string distributionId, string distributionConfigXml, string ifMatch, CancellationToken cancellationToken);

    /// <summary>GetDistribution: its status (InProgress or Deployed).</summary>
    Task<DistributionStatus> GetDistributionAsync(string distributionId, CancellationToken cancellationToken);

    /// <summary>CreateInvalidation; the same caller reference and paths return the existing invalidation.</summary>
    Task<InvalidationStatus> CreateInvalidationAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken);

    /// <summary>GetInvalidation: InProgress or Completed.</summary>
    Task<InvalidationStatus> GetInvalidationAsync(string distributionId, string invalidationId, CancellationToken cancellationToken);

    /// <summary>GetCachePolicy: a custom policy of the account or one AWS manages (by its id).</summary>
    Task<CachePolicy> GetCachePolicyAsync(string cachePolicyId, CancellationToken cancellationToken);
}

/// <summary>
/// What a cache policy puts in the cache key: header and query-string behaviours in CloudFront's words
/// (<c>none</c>, <c>whitelist</c>, <c>allExcept</c>, <c>all</c>) with their names, and how long it caches.
/// </summary>
public sealed record CachePolicy(string Id, string Name, long MaxTtl, string HeaderBehavior, EquatableArray<string> Headers,
    string QueryStringBehavior, EquatableArray<string> QueryStrings)
{
    /// <summary>True when the cache key holds <paramref name="header"/> (header names are case-insensitive).</summary>
    public bool KeysOnHeader(string header) =>
        HeaderBehavior == "whitelist" && Headers.Any(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when some query string is in the cache key (and so reaches the function).</summary>
    public bool KeysOnQueryString => QueryStringBehavior != "none";
}

/// <summary>A distribution config as read: the <c>DistributionConfig</c> XML and the ETag to write it back with.</summary>
public sealed record DistributionConfigSnapshot(string DistributionConfigXml, string ETag);

/// <summary>A distribution's id, status and ETag.</summary>
public sealed record DistributionStatus(string Id, string Status, string ETag)
{
    public bool IsDeployed => Status == "Deployed";
}

/// <summary>An invalidation's id, status, caller reference and paths.</summary>
public sealed record InvalidationStatus(string Id, string Status, string CallerReference, IReadOnlyList<string> Paths)
{
    public bool IsCompleted => Status == "Completed";
}

/// <summary>An error answered by an AWS service (or the emulator, or the local target), with its code.</summary>
public sealed class AwsServiceException(string service, string code, string message, int statusCode, bool retryable)
    : Exception($"{service} answered {code}: {message}")
{
    public string Service { get; } = service;

    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;

    public bool Retryable { get; } = retryable;
}

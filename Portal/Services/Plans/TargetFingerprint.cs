using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EdgeTarget = EdgePortal.Edge.Publishing.Target;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>
/// The settings of a target a publish plan depends on: where it goes (function, distribution), what it moves
/// (cache behaviours, event types) and what it may invalidate (limits). Credentials are left out: another role
/// reaching the same function publishes the same thing.
/// </summary>
public sealed record TargetFingerprint(
    string FunctionName,
    string DistributionId,
    IReadOnlyList<string> CacheBehaviors,
    IReadOnlyList<string> EventTypes,
    int MaxInvalidationPaths,
    int MaxWildcardPaths,
    bool QueryStringsInCacheKey)
{
    public static TargetFingerprint Of(EdgeTarget target, bool queryStringsInCacheKey) => new(
        target.FunctionName, target.DistributionId, [.. target.CacheBehaviors], [.. target.EventTypes],
        target.InvalidationLimits.MaxPaths, target.InvalidationLimits.MaxWildcardPaths, queryStringsInCacheKey);

    /// <summary>Lower-case hex SHA-256 of these settings, to compare and show in one word.</summary>
    [JsonIgnore]
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this))));

    /// <summary>The sentences naming each setting that differs from <paramref name="now"/>; empty when none does.</summary>
    public IEnumerable<string> Differences(TargetFingerprint now)
    {
        if (FunctionName != now.FunctionName)
        {
            yield return $"the Lambda function ({FunctionName}, now {now.FunctionName})";
        }
        if (DistributionId != now.DistributionId)
        {
            yield return $"the distribution ({DistributionId}, now {now.DistributionId})";
        }
        if (!CacheBehaviors.SequenceEqual(now.CacheBehaviors))
        {
            yield return $"the cache behaviours ({string.Join(", ", CacheBehaviors)}, now {string.Join(", ", now.CacheBehaviors)})";
        }
        if (!EventTypes.SequenceEqual(now.EventTypes))
        {
            yield return $"the event types ({string.Join(", ", EventTypes)}, now {string.Join(", ", now.EventTypes)})";
        }
        if (MaxInvalidationPaths != now.MaxInvalidationPaths || MaxWildcardPaths != now.MaxWildcardPaths || QueryStringsInCacheKey != now.QueryStringsInCacheKey)
        {
            yield return $"the invalidation limits ({MaxInvalidationPaths} paths, {MaxWildcardPaths} wildcards, now {now.MaxInvalidationPaths} paths, {now.MaxWildcardPaths} wildcards)";
        }
    }
}

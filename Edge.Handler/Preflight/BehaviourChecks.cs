using System.Xml.Linq;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Edge.Preflight;

/// <summary>
/// The target's cache behaviours: each exists, and its cache key holds what the document's answers depend on.
/// The handler answers at origin-request and CloudFront caches those answers under the behaviour's cache key, so
/// a key without the country serves one country's redirect or block to everyone.
/// </summary>
internal static class BehaviourChecks
{
    private const string CountryHeader = "CloudFront-Viewer-Country";

    private static readonly XNamespace Ns = DistributionConfigEditor.Ns;

    public static async Task<IReadOnlyList<CheckResult>> RunAsync(Target target, ICloudFrontClient cloudFront, CacheKeyNeeds needs, PreflightReads reads,
        CancellationToken cancellationToken)
    {
        DistributionConfigSnapshot snapshot;
        try
        {
            snapshot = await reads.ReadAsync("GetDistributionConfig", ct => cloudFront.GetDistributionConfigAsync(target.DistributionId, ct), cancellationToken);
        }
        catch (AwsServiceException error) when (!error.Retryable)
        {
            return [CheckResult.Fail("Distribution", $"Distribution {target.DistributionId} could not be read: {error.Message}. Check the distribution id and allow cloudfront:GetDistributionConfig.")];
        }

        var config = XElement.Parse(snapshot.DistributionConfigXml);
        var results = new List<CheckResult> { CheckResult.Pass("Distribution", $"Distribution {target.DistributionId} can be read.") };
        foreach (var pattern in target.CacheBehaviors)
        {
            var behaviour = Find(config, pattern);
            if (behaviour is null)
            {
                results.Add(CheckResult.Fail($"Cache behaviour {pattern}",
                    $"Distribution {target.DistributionId} has no cache behaviour '{pattern}' (it has {string.Join(", ", DistributionConfigEditor.CacheBehaviorPatterns(snapshot.DistributionConfigXml))}): add it or remove it from the target."));
                continue;
            }
            results.Add(CheckResult.Pass($"Cache behaviour {pattern}", $"Distribution {target.DistributionId} has the cache behaviour '{pattern}'."));
            results.Add(await CacheKeyAsync(pattern, behaviour, cloudFront, needs, reads, cancellationToken));
        }
        return results;
    }

    private static async Task<CheckResult> CacheKeyAsync(string pattern, XElement behaviour, ICloudFrontClient cloudFront, CacheKeyNeeds needs,
        PreflightReads reads, CancellationToken cancellationToken)
    {
        var check = $"Cache key of {pattern}";
        if (!needs.NeedsCountry && !needs.NeedsQueryString)
        {
            return CheckResult.Pass(check, $"No answer depends on the viewer's country or the query string, so any cache key of '{pattern}' serves them right.");
        }

        CacheKey key;
        if (behaviour.Element(Ns + "CachePolicyId")?.Value is { Length: > 0 } policyId)
        {
            try
            {
                var policy = await reads.ReadAsync("GetCachePolicy", ct => cloudFront.GetCachePolicyAsync(policyId, ct), cancellationToken);
                key = new CacheKey($"cache policy {policy.Name} ({policy.Id})", policy.MaxTtl == 0, policy.KeysOnHeader(CountryHeader), policy.KeysOnQueryString);
            }
            catch (AwsServiceException error) when (!error.Retryable)
            {
                return CheckResult.Fail(check, $"Cache policy {policyId} of cache behaviour '{pattern}' could not be read: {error.Message}. Allow cloudfront:GetCachePolicy.");
            }
        }
        else
        {
            key = Legacy(behaviour.Element(Ns + "ForwardedValues"));
        }

        var problems = new List<string>();
        if (needs.NeedsCountry && !key.Country && !key.CachesNothing)
        {
            problems.Add($"its cache key does not hold {CountryHeader}, but answers depend on the viewer's country ({string.Join(", ", needs.CountryReasons)}), so CloudFront would serve one country's generated redirect or block to everyone: use a cache policy that includes the {CountryHeader} header");
        }
        if (needs.NeedsQueryString && !key.QueryString && !key.CachesNothing)
        {
            problems.Add($"it keeps no query string in the cache key, so the query string never reaches the function and {string.Join(", ", needs.QueryReasons)} would drop it: include query strings in the cache policy");
        }
        if (problems.Count > 0)
        {
            return CheckResult.Fail(check, $"Cache behaviour '{pattern}' uses {key.Source}: {string.Join("; and ", problems)}.");
        }
        var holdsAll = (!needs.NeedsCountry || key.Country) && (!needs.NeedsQueryString || key.QueryString);
        if (key.CachesNothing && !holdsAll)
        {
            return CheckResult.NotChecked(check,
                $"Cache behaviour '{pattern}' uses {key.Source}, which caches nothing, so its cache key needn't hold the country or query string; whether its origin request policy forwards them to the function was not checked.");
        }
        var held = new[] { needs.NeedsCountry ? CountryHeader : null, needs.NeedsQueryString ? "the query string" : null }.OfType<string>();
        return CheckResult.Pass(check, $"Cache behaviour '{pattern}' uses {key.Source}, whose cache key holds {string.Join(" and ", held)}.");
    }

    /// <summary>ForwardedValues: the headers listed (or <c>*</c>, all of them) and QueryString true are in the cache key.</summary>
    private static CacheKey Legacy(XElement? forwarded)
    {
        var headers = forwarded?.Element(Ns + "Headers")?.Element(Ns + "Items")?.Elements(Ns + "Name").Select(n => n.Value).ToList() ?? [];
        var country = headers.Any(h => h == "*" || string.Equals(h, CountryHeader, StringComparison.OrdinalIgnoreCase));
        var query = forwarded?.Element(Ns + "QueryString")?.Value == "true";
        var maxTtl = forwarded?.Parent?.Element(Ns + "MaxTTL")?.Value;
        return new CacheKey("legacy cache settings (ForwardedValues)", maxTtl == "0", country, query);
    }

    private static XElement? Find(XElement config, string pattern) => pattern == Target.DefaultBehavior
        ? config.Element(Ns + "DefaultCacheBehavior")
        : config.Elements(Ns + "CacheBehaviors").Elements(Ns + "Items").Elements(Ns + "CacheBehavior")
            .FirstOrDefault(b => b.Element(Ns + "PathPattern")?.Value == pattern);

    private sealed record CacheKey(string Source, bool CachesNothing, bool Country, bool QueryString);
}

using System.Xml.Linq;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Drift;

/// <summary>
/// Compares what a distribution runs now with what the portal last published: the associations of the published event
/// types on the published cache behaviours, the geo restriction (only when the document set one: otherwise it is the
/// operator's), and that the published version still exists with the published code. Someone editing the distribution
/// in the console, a Terraform run or another tool shows up here as sentences. It only reads, through the same retry
/// layer as the preflight (<see cref="PreflightReads"/>).
/// </summary>
public static class DriftCheck
{
    private static readonly XNamespace Ns = DistributionConfigEditor.Ns;

    public static async Task<DriftResult> RunAsync(Target target, ShippingClients clients, PublishedState published, PreflightReads reads,
        CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        try
        {
            var snapshot = await reads.ReadAsync("GetDistributionConfig",
                ct => clients.CloudFront.GetDistributionConfigAsync(target.DistributionId, ct), cancellationToken);
            var config = XElement.Parse(snapshot.DistributionConfigXml);
            differences.AddRange(AssociationDifferences(config, published));
            if (published.GeoRestriction is { } geo && GeoDifference(snapshot.DistributionConfigXml, geo) is { } geoSentence)
            {
                differences.Add(geoSentence);
            }
        }
        catch (AwsServiceException error) when (!error.Retryable)
        {
            return DriftResult.Failed($"Distribution {target.DistributionId} could not be read: {error.Message}.");
        }
        catch (PublishFailedException error)
        {
            return DriftResult.Failed(error.Message);
        }

        if (await VersionDifferenceAsync(clients.Lambda, published, reads, cancellationToken) is { } versionSentence)
        {
            differences.Add(versionSentence);
        }
        return new DriftResult(differences);
    }

    private static IEnumerable<string> AssociationDifferences(XElement config, PublishedState published)
    {
        var wanted = Describe(published.VersionArn, published.VersionArn);
        foreach (var pattern in published.CacheBehaviors.Distinct(StringComparer.Ordinal))
        {
            var behaviour = Find(config, pattern);
            if (behaviour is null)
            {
                yield return $"the distribution has no behaviour {pattern}; the portal published {wanted} there";
                continue;
            }

            var running = published.EventTypes.Distinct(StringComparer.Ordinal)
                .Select(eventType => (EventType: eventType, Arn: Associated(behaviour, eventType)))
                .Where(a => a.Arn != published.VersionArn)
                .ToList();
            var groups = running.GroupBy(a => a.Arn).ToList();
            foreach (var group in groups)
            {
                // One sentence per behaviour when every event type drifted the same way; otherwise say which event type runs what.
                var where = groups.Count == 1 && running.Count == published.EventTypes.Distinct(StringComparer.Ordinal).Count()
                    ? "" : $" at {string.Join(" and ", group.Select(a => a.EventType))}";
                var runs = group.Key is null ? "runs no function" : $"runs {Describe(group.Key, published.VersionArn)}";
                yield return $"behaviour {pattern} {runs}{where}; the portal published {wanted}";
            }
        }
    }

    private static string? GeoDifference(string configXml, GeoRestrictionSetting published)
    {
        var actual = DistributionConfigEditor.ReadGeoRestriction(configXml);
        var same = actual.RestrictionType == published.RestrictionType
            && actual.Locations.Order(StringComparer.Ordinal).SequenceEqual(published.Locations.Order(StringComparer.Ordinal));
        return same ? null : $"the geo restriction is {Describe(actual)}; the portal published {Describe(published)}";
    }

    private static async Task<string?> VersionDifferenceAsync(ILambdaClient lambda, PublishedState published, PreflightReads reads,
        CancellationToken cancellationToken)
    {
        try
        {
            var version = await reads.ReadAsync("GetFunctionConfiguration",
                ct => lambda.GetFunctionConfigurationAsync(published.VersionArn, null, ct), cancellationToken);
            // A version is immutable, so other code under the same number means the function was deleted and made again.
            return version.CodeSha256 != published.CodeSha256
                ? $"version {published.Version} has code {version.CodeSha256}; the portal published code {published.CodeSha256}"
                : null;
        }
        catch (AwsServiceException error) when (error.Code == "ResourceNotFoundException")
        {
            return $"version {published.Version} ({published.VersionArn}) no longer exists; the portal published it";
        }
        catch (Exception error) when (error is AwsServiceException { Retryable: false } or PublishFailedException)
        {
            return $"version {published.Version} could not be read: {error.Message}";
        }
    }

    /// <summary>"version 7" for a version of the published function; the whole ARN for anything else.</summary>
    private static string Describe(string arn, string publishedArn)
    {
        var function = publishedArn[..publishedArn.LastIndexOf(':')];
        return arn.StartsWith(function + ":", StringComparison.Ordinal) && !arn[(function.Length + 1)..].Contains(':')
            ? $"version {arn[(function.Length + 1)..]}"
            : arn;
    }

    private static string Describe(GeoRestrictionSetting geo) =>
        geo.Locations.Count == 0 ? geo.RestrictionType : $"{geo.RestrictionType} {string.Join(", ", geo.Locations)}";

    private static XElement? Find(XElement config, string pattern) =>
        pattern == Target.DefaultBehavior
            ? config.Element(Ns + "DefaultCacheBehavior")
            : config.Elements(Ns + "CacheBehaviors").Elements(Ns + "Items").Elements(Ns + "CacheBehavior")
                .FirstOrDefault(b => b.Element(Ns + "PathPattern")?.Value == pattern);

    private static string? Associated(XElement behaviour, string eventType) =>
        behaviour.Elements(Ns + "LambdaFunctionAssociations").Elements(Ns + "Items").Elements(Ns + "LambdaFunctionAssociation")
            .FirstOrDefault(a => a.Element(Ns + "EventType")?.Value == eventType)?.Element(Ns + "LambdaFunctionARN")?.Value;
}

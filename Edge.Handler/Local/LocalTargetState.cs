using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Local;

/// <summary>What the local target holds now, for the portal to show: versions, associations, invalidations.</summary>
public sealed record LocalTargetState(
    string FunctionName,
    IReadOnlyList<LocalVersion> Versions,
    string DistributionId,
    string DistributionStatus,
    string ETag,
    IReadOnlyList<LocalAssociation> Associations,
    IReadOnlyList<LocalInvalidation> Invalidations)
{
    private static readonly string[] _eventTypes = ["viewer-request", "origin-request", "origin-response", "viewer-response"];

    /// <summary>Reads the state of <paramref name="local"/> for the function and distribution in <paramref name="options"/>.</summary>
    public static LocalTargetState Read(LocalAws local, LocalTargetOptions options)
    {
        var simulation = local.Simulation;
        var snapshot = simulation.ToSnapshot();
        var function = snapshot.Functions.Single(f => f.Name == options.FunctionName);
        var distribution = simulation.CloudFront.GetDistribution(options.DistributionId);
        var config = distribution.ConfigXml;
        var associations = DistributionConfigEditor.CacheBehaviorPatterns(config)
            .SelectMany(behavior => _eventTypes.Select(eventType =>
                DistributionConfigEditor.AssociatedFunction(config, behavior, eventType) is { } arn
                    ? new LocalAssociation(behavior, eventType, arn)
                    : null))
            .OfType<LocalAssociation>()
            .ToList();
        var invalidations = snapshot.Distributions.Single(d => d.Id == options.DistributionId).Invalidations
            .Select(i => simulation.CloudFront.GetInvalidation(options.DistributionId, i.Id))
            .Select(i => new LocalInvalidation(i.Id, i.Status, i.CallerReference, i.Paths, i.CreateTime))
            .ToList();
        var versions = function.Versions
            .Select(v => new LocalVersion(v.Version, v.Code.CodeSha256, v.Code.CodeSize, v.Description, v.LastModified))
            .ToList();
        return new LocalTargetState(function.Name, versions, distribution.Id, distribution.Status, distribution.ETag, associations, invalidations);
    }
}

/// <summary>A published version of the local function.</summary>
public sealed record LocalVersion(string Version, string CodeSha256, long CodeSize, string? Description, DateTimeOffset LastModified);

/// <summary>A cache behaviour's event type and the version ARN it runs.</summary>
public sealed record LocalAssociation(string CacheBehavior, string EventType, string FunctionArn);

/// <summary>An invalidation on the local distribution and whether it has completed.</summary>
public sealed record LocalInvalidation(string Id, string Status, string CallerReference, IReadOnlyList<string> Paths, DateTimeOffset CreateTime);

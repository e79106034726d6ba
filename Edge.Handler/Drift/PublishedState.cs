using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Drift;

/// <summary>
/// What the portal last published to a target, as its latest succeeded deployment recorded it: the version ARN, the
/// version's CodeSha256, the cache behaviours and event types it was associated with then, and the geo restriction when
/// the document set one.
/// </summary>
public sealed record PublishedState(string DeploymentId, string VersionArn, string CodeSha256, IReadOnlyList<string> CacheBehaviors,
    IReadOnlyList<string> EventTypes, GeoRestrictionSetting? GeoRestriction)
{
    /// <summary>The version number at the end of <see cref="VersionArn"/>.</summary>
    public string Version => VersionArn[(VersionArn.LastIndexOf(':') + 1)..];

    /// <summary>The newest Succeeded deployment with a version among <paramref name="newestFirst"/>; null when there is none.</summary>
    public static PublishedState? Latest(IEnumerable<Deployment> newestFirst) =>
        newestFirst.FirstOrDefault(d => d is { State: DeploymentState.Succeeded, VersionArn: not null }) is { } deployment
            ? new PublishedState(deployment.Id, deployment.VersionArn!, deployment.Request.CodeSha256, [.. deployment.Request.Target.CacheBehaviors],
                [.. deployment.Request.Target.EventTypes], deployment.Request.GeoRestriction)
            : null;
}

using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>What asking for a publish came to.</summary>
public abstract record PublishResult
{
    private PublishResult()
    {
    }

    /// <summary>The deployment is recorded and queued; the worker runs it.</summary>
    public sealed record Queued(string DeploymentId, PublishKind Kind) : PublishResult;

    /// <summary>The user's role may not publish.</summary>
    public sealed record Forbidden(string Message) : PublishResult;

    /// <summary>The target or revision does not exist, or the revision belongs to another target.</summary>
    public sealed record Refused(string Message) : PublishResult;
}

/// <summary>What a publish of a revision would do, shown for confirmation before anything happens.</summary>
public sealed record PublishPreview(
    RevisionSummary Revision,
    PublishKind Kind,
    InvalidationPlan Plan,
    GeoRestrictionSetting? GeoRestriction);

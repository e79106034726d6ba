using EdgePortal.Edge.Shipping;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Edge.Publishing;

/// <summary>A publish moves the target to a new build; a rollback moves it back to a version that already exists.</summary>
public enum PublishKind
{
    Publish,
    Rollback,
}

/// <summary>
/// Everything a publish needs, computed by the portal: the publisher builds nothing and plans nothing,
/// so that a resumed publish does exactly what was approved.
/// </summary>
public sealed record PublishRequest
{
    public required Target Target { get; init; }

    public required string RevisionId { get; init; }

    /// <summary>Who asked for the publish (the portal's user name), for the deployments page; the publisher never reads it.</summary>
    public string? RequestedBy { get; init; }

    public PublishKind Kind { get; init; } = PublishKind.Publish;

    /// <summary>The handler zip. May be empty for a rollback, whose version must already exist.</summary>
    public required byte[] PackageZip { get; init; }

    /// <summary>Base64 of the raw SHA-256 of <see cref="PackageZip"/>, as Lambda reports it.</summary>
    public required string CodeSha256 { get; init; }

    /// <summary>The invalidation plan; empty means nothing to invalidate.</summary>
    public EquatableArray<string> InvalidationPaths { get; init; } = [];

    /// <summary>The distribution's geo restriction to set; null leaves it as it is.</summary>
    public GeoRestrictionSetting? GeoRestriction { get; init; }

    /// <summary>What the document's answers depend on, so the preflight can check each behaviour's cache key.</summary>
    public CacheKeyNeeds CacheKeyNeeds { get; init; } = CacheKeyNeeds.None;
}

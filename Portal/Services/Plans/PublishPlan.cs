using System.Text.Json;
using System.Text.Json.Serialization;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>
/// Exactly what publishing a revision to a target will do, computed when an approver approves (or an Admin publishes in an
/// emergency) and stored with it: the document, the base and live revisions it was planned on, the handler build, the
/// invalidation and the distribution change, and the target's settings they depend on. Publishing executes this plan
/// or refuses (<see cref="PublishPlanCheck"/>).
/// </summary>
public sealed record PublishPlan
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public required string TargetId { get; init; }

    /// <summary>The revision the plan publishes.</summary>
    public required long RevisionId { get; init; }

    public required int RevisionNumber { get; init; }

    /// <summary>Lower-case hex SHA-256 of the document's canonical JSON.</summary>
    public required string DocumentSha256 { get; init; }

    /// <summary>The revision the change set was based on; null for a first revision.</summary>
    public long? BaseRevisionId { get; init; }

    public int? BaseRevisionNumber { get; init; }

    /// <summary>The revision live on the target when the plan was made; null when nothing was ever live.</summary>
    public long? LiveRevisionId { get; init; }

    public int? LiveRevisionNumber { get; init; }

    public PublishKind Kind { get; init; } = PublishKind.Publish;

    /// <summary>Lambda's <c>CodeSha256</c> of the handler zip (base64 of its raw SHA-256).</summary>
    public required string CodeSha256 { get; init; }

    /// <summary>Size of the handler zip in bytes.</summary>
    public required long PackageBytes { get; init; }

    public required IReadOnlyList<PlanPath> InvalidationPaths { get; init; }

    /// <summary>What CloudFront bills: every path, a wildcard counting as one.</summary>
    [JsonIgnore]
    public int BilledPaths => InvalidationPaths.Count;

    public bool Coarsened { get; init; }

    public required DistributionChange Distribution { get; init; }

    public required TargetFingerprint Settings { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, _json);

    public static PublishPlan FromJson(string json) =>
        JsonSerializer.Deserialize<PublishPlan>(json, _json) ?? throw new JsonException("A stored publish plan is empty.");

    /// <summary>The invalidation as the planner's own type, for the views that already show one.</summary>
    public InvalidationPlan Invalidation() =>
        new([.. InvalidationPaths.Select(p => new PlannedPath(p.Path, [.. p.Reasons]))], Coarsened, []);
}

/// <summary>One path to invalidate and why.</summary>
public sealed record PlanPath(string Path, IReadOnlyList<string> Reasons);

/// <summary>Which cache behaviours and event types get the new version, and the geo restriction to set (null: unchanged).</summary>
public sealed record DistributionChange(IReadOnlyList<string> CacheBehaviors, IReadOnlyList<string> EventTypes, GeoRestrictionSetting? GeoRestriction)
{
    [JsonIgnore]
    public string GeoText => GeoRestriction is { } geo
        ? geo.RestrictionType == GeoRestrictionSetting.None.RestrictionType ? "lift the restriction" : $"{geo.RestrictionType} {string.Join(", ", geo.Locations)}"
        : "unchanged";
}

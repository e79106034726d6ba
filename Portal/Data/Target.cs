using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Data;

/// <summary>Where revisions are published: the simulated local target or a real AWS distribution.</summary>
public sealed class Target
{
    /// <summary>The target's short name, also its key (<c>local</c>, <c>prod-eu</c>).</summary>
    public required string Id { get; set; }

    public required string DisplayName { get; set; }

    public TargetKind Kind { get; set; }

    /// <summary>Lambda function name or ARN in us-east-1 (AWS targets).</summary>
    public string? FunctionName { get; set; }

    /// <summary>CloudFront distribution id (AWS targets).</summary>
    public string? DistributionId { get; set; }

    /// <summary>Path patterns of the cache behaviours to associate; empty means the default behaviour only.</summary>
    public List<string> CacheBehaviors { get; set; } = [];

    /// <summary>Lambda@Edge event types the handler is associated with; empty means origin-request and origin-response.</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>How many people (Approvers or Admins, never the author) must approve a change set to this target: 1 to 5.</summary>
    public int ApprovalsRequired { get; set; } = 1;

    /// <summary>The target a document must have been live on before it may be published here ("production requires staging").</summary>
    public string? RequiredTargetId { get; set; }

    /// <summary>When an Admin retired it: hidden from editing and publishing, kept with its revisions for history.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>Further settings (credentials source, invalidation limits) as a JSON object; grows without migrations.</summary>
    public string SettingsJson { get; set; } = "{}";

    /// <summary>The revision that is live on this target; null only before the first revision exists.</summary>
    public long? LiveRevisionId { get; set; }

    public Revision? LiveRevision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

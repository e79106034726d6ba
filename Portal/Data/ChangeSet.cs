namespace EdgePortal.Portal.Data;

/// <summary>A draft document against a base revision, owned by its author, on its way to review.</summary>
public sealed class ChangeSet
{
    public long Id { get; set; }

    public required string TargetId { get; set; }

    public long BaseRevisionId { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public string Title { get; set; } = "";

    /// <summary>What the change set does and why, for its reviewers; required on submit.</summary>
    public string Description { get; set; } = "";

    /// <summary>The draft as canonical JSON. May have validation problems while it is a draft.</summary>
    public required string DocumentJson { get; set; }

    public ChangeSetState State { get; set; }

    /// <summary>
    /// Concurrency token: replaced on every save, so a save based on an older version fails
    /// instead of overwriting (SQLite has no rowversion).
    /// </summary>
    public Guid Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Email of whoever saved last, for the conflict message.</summary>
    public required string UpdatedBy { get; set; }

    /// <summary>The publish plan approved with the change set (<c>PublishPlan</c> as JSON); publishing executes it or refuses.</summary>
    public string? ApprovedPlanJson { get; set; }

    /// <summary>Why an Admin published this change set without approval; null for a reviewed one.</summary>
    public string? EmergencyReason { get; set; }

    /// <summary>User id of the Admin who published it in an emergency (who may not acknowledge it).</summary>
    public string? EmergencyById { get; set; }

    public string? EmergencyByName { get; set; }

    /// <summary>Who reviewed an emergency publish after the fact; null while it still needs that review.</summary>
    public string? AcknowledgedByName { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgeComment { get; set; }
}

/// <summary>Where a change set is in its life; the moves between states are <c>ChangeSetLifecycle</c>'s table.</summary>
public enum ChangeSetState
{
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Published,
    Failed,
    Withdrawn,
    Rejected,
}

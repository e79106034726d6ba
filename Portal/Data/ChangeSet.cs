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

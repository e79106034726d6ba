namespace EdgePortal.Portal.Data;

/// <summary>A note on a change set's thread: a comment, or the text that came with a review decision.</summary>
public sealed class ChangeSetComment
{
    public const int MaxTextLength = 4000;

    public long Id { get; set; }

    public long ChangeSetId { get; set; }

    public required string AuthorId { get; set; }

    public required string AuthorName { get; set; }

    public required string Text { get; set; }

    public ChangeSetCommentKind Kind { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

public enum ChangeSetCommentKind
{
    Comment,
    ChangesRequested,
    Rejected,
    Approved,

    /// <summary>Written by the portal when a change after submission dropped approvals, so reviewers see it in the thread.</summary>
    ApprovalsDropped,
}

namespace EdgePortal.Portal.Data;

/// <summary>
/// One immutable version of a target's rules document. Never updated or deleted: the database
/// context refuses to save a change to one.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }

    public required string TargetId { get; set; }

    /// <summary>1, 2, 3… within the target; what people call "revision 7".</summary>
    public int Number { get; set; }

    /// <summary>The document as canonical JSON, byte for byte what is hashed and built.</summary>
    public required string DocumentJson { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of <see cref="DocumentJson"/>.</summary>
    public required string Sha256 { get; set; }

    public long? ParentRevisionId { get; set; }

    /// <summary>User id of the author, or <c>system</c>.</summary>
    public required string AuthorId { get; set; }

    /// <summary>The author's email when the revision was made (kept even if the account goes).</summary>
    public required string AuthorName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string Message { get; set; } = "";

    /// <summary>The change set this revision came from, if any.</summary>
    public long? ChangeSetId { get; set; }
}

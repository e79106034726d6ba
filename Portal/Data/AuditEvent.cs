namespace EdgePortal.Portal.Data;

/// <summary>One thing someone did. Append-only.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>Email of the user, or <c>system</c>, or <c>cli</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>Dotted verb from <see cref="AuditActions"/> (<c>changeset.saved</c>).</summary>
    public required string Action { get; set; }

    public string? TargetId { get; set; }

    /// <summary>What the action was about (<c>changeset/12</c>, <c>user/ann@example.com</c>).</summary>
    public string? Subject { get; set; }

    /// <summary>A JSON object with the particulars; never secrets.</summary>
    public string DetailsJson { get; set; } = "{}";

    /// <summary>The <see cref="Hash"/> of the event before this one ("" for the first): what makes the history a chain.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 over this event's fields and <see cref="PreviousHash"/>, set when it is appended.</summary>
    public string Hash { get; set; } = "";
}

namespace EdgePortal.Portal.Data;

/// <summary>One thing someone did. Append-only; its id is never reused (SQLite AUTOINCREMENT).</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }

    public DateTimeOffset Time { get; set; }

    /// <summary>Email of the user, or <c>system</c>, or <c>cli</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>Dotted verb from <c>AuditActions</c> (<c>changeset.saved</c>).</summary>
    public required string Action { get; set; }

    public string? TargetId { get; set; }

    /// <summary>What the action was about (<c>changeset/12</c>, <c>user/ann@example.com</c>).</summary>
    public string? Subject { get; set; }

    /// <summary>A JSON object with the particulars; never secrets.</summary>
    public string DetailsJson { get; set; } = "{}";

    /// <summary>The <see cref="Seal"/> of the event before this one ("" for the first): what makes the history a chain.</summary>
    public string PreviousSeal { get; set; } = "";

    /// <summary>
    /// Lower-case hex HMAC-SHA256 over this event's fields, <see cref="SealKeyId"/> and <see cref="PreviousSeal"/>
    /// under the seal key <see cref="SealKeyId"/> names; for events written before sealing began
    /// (<see cref="SealKeyId"/> null) the unkeyed SHA-256 of the same fields.
    /// </summary>
    public string Seal { get; set; } = "";

    /// <summary>Which seal key sealed this event (the key itself is never in the database); null before sealing began.</summary>
    public string? SealKeyId { get; set; }
}

namespace EdgePortal.Portal.Data;

/// <summary>
/// One rule an audit event names: an index for finding a rule's history, not evidence. Rows are
/// derived from the event's sealed details when it is sealed (<c>AuditRuleIndex</c>), so the seal
/// covers what they say; a row that disagrees with its event's details is simply wrong, and the
/// details are what Verify checks.
/// </summary>
public sealed class AuditEventRule
{
    public long EventId { get; set; }

    /// <summary>JSON name of the section (<c>access</c>, <c>redirects</c>, …).</summary>
    public required string Section { get; set; }

    public required string RuleId { get; set; }
}

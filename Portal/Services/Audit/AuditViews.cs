namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Filters of the audit history; every one optional. <see cref="Action"/> is an action or a category
/// (<c>publish</c> finds every <c>publish.*</c>). <see cref="RuleId"/> finds the events that changed the rule
/// and the submission, approval and publishing of the change sets that did. <see cref="Text"/> searches actor,
/// action, target, subject and details.
/// </summary>
public sealed record AuditQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Action = null,
    string? TargetId = null,
    string? Text = null,
    string? RuleId = null);

/// <summary>One event as the history shows and exports it.</summary>
public sealed record AuditEntry(
    long Id,
    DateTimeOffset Time,
    string Actor,
    string Action,
    string? TargetId,
    string? Subject,
    string DetailsJson,
    string PreviousSeal,
    string Seal,
    string? SealKeyId);

/// <summary>One page of events, newest first, and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Events, int Total);

/// <summary>
/// The result of walking the chain: intact, or the first event that breaks it, its action (null when the
/// event is gone) and what is wrong. <see cref="Notes"/> say what an intact result rests on.
/// </summary>
public sealed record AuditVerification(bool Intact, int Checked, long? BrokenEventId, string? BrokenAction, string Message, IReadOnlyList<string> Notes);

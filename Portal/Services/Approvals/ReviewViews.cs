using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Rules.Diff;
using EdgePortal.Rules.Invalidation;
using EdgePortal.Rules.Lint;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>
/// Everything a reviewer needs to decide: the draft, what it changes compared with the revision it
/// was started from (and with live, when live moved on since), its lint warnings and problems, the
/// invalidation a publish would send, and whether this user may decide (with the reason if not).
/// <see cref="StaleBase"/> is the sentence refusing approval while live is not the change set's base
/// (rejecting is still possible). <see cref="Allowed"/> is what the lifecycle table lets this user do now.
/// </summary>
public sealed record ChangeSetReview(
    ChangeSetView ChangeSet,
    RevisionSummary BaseRevision,
    RevisionSummary? LiveRevision,
    DocumentChanges Changes,
    DocumentChanges? ChangesAgainstLive,
    IReadOnlyList<LintWarning> Warnings,
    IReadOnlyList<Problem> Problems,
    InvalidationPlan Plan,
    RevisionSummary? ApprovedRevision,
    ReviewDecision Decision,
    string? StaleBase,
    ChangeSetThread Thread,
    IReadOnlySet<ChangeSetAction> Allowed)
{
    /// <summary>True when the target's live revision is no longer the one the draft was started from.</summary>
    public bool LiveChanged => LiveRevision is not null && LiveRevision.Id != BaseRevision.Id;
}

/// <summary>Whether the user may approve, and if not, the sentence that says why.</summary>
public sealed record ReviewDecision(bool Allowed, string? Reason)
{
    public static ReviewDecision Yes { get; } = new(true, null);
}

using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Portal.Services;

/// <summary>
/// Drafts and change sets. Every method that changes something takes the signed-in user, checks
/// the role on the server (Editor or above edits, only the author edits their draft), and takes the
/// version the caller last saw: a save based on an older version answers
/// <see cref="ChangeSetResult.Conflict"/> and overwrites nothing.
/// </summary>
/// <remarks>
/// The rule-level methods exist for large catalogues: the page sends one rule, the server applies it
/// to the document it already holds (cached by version), so nothing sends the whole document per edit.
/// </remarks>
public interface IChangeSetService
{
    /// <summary>The user's open draft for the target, or a new one copied from the live revision.</summary>
    Task<ChangeSetResult> GetOrCreateDraftAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The user's open draft for the target, else their submitted or approved change set whose base live has
    /// moved past (to be rebased); null when there is neither (the editor then shows live until the first save).
    /// </summary>
    Task<ChangeSetView?> FindDraftAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default);

    /// <summary>Starts the user's draft from <paramref name="baseRevisionId"/> holding <paramref name="document"/>: the editor's first save.</summary>
    Task<ChangeSetResult> CreateDraftAsync(ClaimsPrincipal user, string targetId, long baseRevisionId, RulesDocument document, CancellationToken cancellationToken = default);

    /// <summary>
    /// When live moved since the change set's base: merges its changes onto live (ADR 0005) and stores the
    /// result based on live, back in draft (a submission or approval is dropped). Where both sides changed
    /// the same thing, nothing is stored until <paramref name="choices"/> names every conflict:
    /// the answer is <see cref="ChangeSetResult.MergeConflicted"/>. Based on live already: Saved, unchanged.
    /// </summary>
    Task<ChangeSetResult> RebaseAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, IReadOnlyDictionary<string, MergeChoice>? choices = null, CancellationToken cancellationToken = default);

    Task<ChangeSetView?> GetAsync(long changeSetId, CancellationToken cancellationToken = default);

    /// <summary>Newest change first; every filter is optional.</summary>
    Task<IReadOnlyList<ChangeSetSummary>> ListAsync(string? targetId = null, string? authorId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the whole draft document. A draft with problems is saved (it is a draft).</summary>
    Task<ChangeSetResult> SaveDraftAsync(ClaimsPrincipal user, long changeSetId, RulesDocument document, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Applies any change to the draft document (geo, blocked response, several rules at once).</summary>
    Task<ChangeSetResult> EditAsync(ClaimsPrincipal user, long changeSetId, Func<RulesDocument, RulesDocument> edit, string description, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Replaces the rule at <paramref name="index"/> of <paramref name="section"/>; the rule's type must match the section.</summary>
    Task<ChangeSetResult> UpdateRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int index, IRule rule, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Inserts a rule at <paramref name="index"/>, or appends it when null.</summary>
    Task<ChangeSetResult> AddRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, IRule rule, int? index, Guid expectedVersion, CancellationToken cancellationToken = default);

    Task<ChangeSetResult> DeleteRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int index, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Moves a rule within its section (precedence order matters).</summary>
    Task<ChangeSetResult> MoveRuleAsync(ClaimsPrincipal user, long changeSetId, RuleSection section, int fromIndex, int toIndex, Guid expectedVersion, CancellationToken cancellationToken = default);

    Task<ChangeSetResult> RenameAsync(ClaimsPrincipal user, long changeSetId, string title, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Sets the title and the description (what the reviewers read) of the user's draft.</summary>
    Task<ChangeSetResult> DescribeAsync(ClaimsPrincipal user, long changeSetId, string title, string description, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Replaces the draft with an imported document; refused with every problem, changing nothing, unless the JSON is a valid document.</summary>
    Task<ChangeSetResult> ImportAsync(ClaimsPrincipal user, long changeSetId, string json, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The draft as canonical JSON (recorded in the audit history); null when it does not exist.</summary>
    Task<DocumentExport?> ExportAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends the draft (or a change set sent back for changes) for review with its title and description, both
    /// required; refused while it has problems or live moved since its base.
    /// </summary>
    Task<ChangeSetResult> SubmitAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string title, string description, CancellationToken cancellationToken = default);

    /// <summary>The author takes the change set out of review (or approval) to edit it again: back to draft, every approval dropped.</summary>
    Task<ChangeSetResult> WithdrawAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The author turns a rejected change set back into their draft.</summary>
    Task<ChangeSetResult> ReopenAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>The author gives the change set up for good (Withdrawn); the next <see cref="GetOrCreateDraftAsync"/> starts a new one from live.</summary>
    Task<ChangeSetResult> AbandonAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>Adds a comment to the thread (the author and reviewers, while the change set is not finished); its version stays.</summary>
    Task<ChangeSetResult> CommentAsync(ClaimsPrincipal user, long changeSetId, string text, CancellationToken cancellationToken = default);

    /// <summary>The thread and approvals; null when the change set does not exist or is a draft the user may not read.</summary>
    Task<Lifecycle.ChangeSetThread?> GetThreadAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default);
}

using System.Security.Claims;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>
/// The second pair of eyes: no change set becomes a revision until enough people other than its author,
/// holding Approver or Admin, approve it. Who may do what and when is ChangeSetLifecycle's table; pages only mirror it.
/// </summary>
public interface IApprovalService
{
    /// <summary>Newest change first; both filters optional; another user's unsubmitted drafts only for an Admin (DraftVisibility).</summary>
    Task<IReadOnlyList<ChangeSetSummary>> ListAsync(ClaimsPrincipal user, string? targetId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default);

    /// <summary>The change set prepared for review as <paramref name="user"/> sees it; null when it does not exist or is a draft <paramref name="user"/> may not read.</summary>
    Task<ChangeSetReview?> GetReviewAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default);

    /// <summary>
    /// One person's approval (never the author's, once per person). The approval that reaches the target's
    /// <c>ApprovalsRequired</c> creates the immutable revision and marks the change set Approved (ready to publish);
    /// before that it stays in review.
    /// </summary>
    Task<ChangeSetResult> ApproveAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Sends the change set back to its author to edit and resubmit; a reason is required and shown to the author.</summary>
    Task<ChangeSetResult> RequestChangesAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default);

    /// <summary>Refuses the change set; a reason is required. Its author may reopen or abandon it.</summary>
    Task<ChangeSetResult> RejectAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default);
}

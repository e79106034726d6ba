using System.Security.Claims;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>
/// The second pair of eyes: no change set becomes a revision until someone other than its author,
/// holding Approver or Admin, approves it. The server decides every rule here; pages only mirror them.
/// </summary>
public interface IApprovalService
{
    /// <summary>Newest change first; both filters optional; another user's unsubmitted drafts only for an Admin (DraftVisibility).</summary>
    Task<IReadOnlyList<ChangeSetSummary>> ListAsync(ClaimsPrincipal user, string? targetId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default);

    /// <summary>The change set prepared for review as <paramref name="user"/> sees it; null when it does not exist or is a draft <paramref name="user"/> may not read.</summary>
    Task<ChangeSetReview?> GetReviewAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default);

    /// <summary>Creates the immutable revision and marks the change set Approved (ready to publish).</summary>
    Task<ChangeSetResult> ApproveAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Returns the change set to its author; a reason is required.</summary>
    Task<ChangeSetResult> RejectAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default);

    /// <summary>The author turns a rejected change set back into their draft.</summary>
    Task<ChangeSetResult> ReopenAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default);
}

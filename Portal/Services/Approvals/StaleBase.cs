using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>
/// The one rule for a change set whose base is not the live revision: approving or publishing it would
/// undo what went live since, so both are refused with the same sentence until its author rebases it.
/// </summary>
public static class StaleBase
{
    public static string Refusal(long changeSetId, int baseNumber, int liveNumber, string targetId) =>
        $"Change set {changeSetId} is based on revision {baseNumber}, but revision {liveNumber} is live on {targetId}; the author must rebase it first.";

    /// <summary>
    /// The refusal for publishing <paramref name="revision"/>, an approved change set, when live is no longer
    /// the revision it was approved on; null when it may be published. A revision that was live before is a
    /// rollback, which the caller decides apart.
    /// </summary>
    public static async Task<string?> RefusePublishAsync(PortalDbContext db, Revision revision, long? liveRevisionId, CancellationToken cancellationToken)
    {
        if (revision.ChangeSetId is not { } changeSetId || liveRevisionId is not { } liveId || revision.ParentRevisionId is not { } parentId || parentId == liveId)
        {
            return null;
        }
        var numbers = await db.Revisions.AsNoTracking().Where(r => r.Id == parentId || r.Id == liveId).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        return Refusal(changeSetId, numbers[parentId], numbers[liveId], revision.TargetId);
    }
}

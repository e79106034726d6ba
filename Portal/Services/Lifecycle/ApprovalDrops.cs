using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Lifecycle;

/// <summary>
/// Any change after submission (an edit, a rebase, a withdrawal) drops every approval: the approvers approved
/// what they saw, not what it became. The drop is written to the thread so the reviewers see it.
/// </summary>
internal static class ApprovalDrops
{
    /// <summary>Deletes the change set's approvals in <paramref name="db"/>'s transaction; returns the names of those dropped.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(PortalDbContext db, long changeSetId, Actor actor, string why, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = await db.ChangeSetApprovals.Where(a => a.ChangeSetId == changeSetId).OrderBy(a => a.ApprovedAt).Select(a => a.UserName).ToListAsync(cancellationToken);
        if (names.Count == 0)
        {
            return names;
        }
        await db.ChangeSetApprovals.Where(a => a.ChangeSetId == changeSetId).ExecuteDeleteAsync(cancellationToken);
        db.ChangeSetComments.Add(new ChangeSetComment
        {
            ChangeSetId = changeSetId,
            AuthorId = actor.Id,
            AuthorName = actor.Name,
            Kind = ChangeSetCommentKind.ApprovalsDropped,
            Text = Sentence(names, why),
            CreatedAt = now,
        });
        return names;
    }

    public static string Sentence(IReadOnlyList<string> names, string why) =>
        $"{(names.Count == 1 ? "The approval" : $"All {names.Count} approvals")} ({string.Join(", ", names)}) dropped: {why}.";
}

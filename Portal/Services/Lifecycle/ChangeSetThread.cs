using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Lifecycle;

/// <summary>A note on the thread as the pages show it.</summary>
public sealed record ChangeSetCommentView(long Id, string AuthorName, ChangeSetCommentKind Kind, string Text, DateTimeOffset CreatedAt);

/// <summary>An approval that still counts.</summary>
public sealed record ChangeSetApprovalView(string UserId, string UserName, DateTimeOffset ApprovedAt, string Comment);

/// <summary>
/// What the review page and the editor show beside the document: the thread oldest first, the approvals that
/// still count and how many the target needs.
/// </summary>
public sealed record ChangeSetThread(IReadOnlyList<ChangeSetCommentView> Comments, IReadOnlyList<ChangeSetApprovalView> Approvals, int ApprovalsRequired)
{
    /// <summary>"1 of 2 approvals".</summary>
    public string ApprovalCount => $"{Approvals.Count} of {ApprovalsRequired} approval{(ApprovalsRequired == 1 ? "" : "s")}";

    /// <summary>The newest request for changes or rejection: what the author must read before anything else.</summary>
    public ChangeSetCommentView? LastDecision => Comments.LastOrDefault(c => c.Kind is ChangeSetCommentKind.ChangesRequested or ChangeSetCommentKind.Rejected);

    public static async Task<ChangeSetThread> ReadAsync(PortalDbContext db, long changeSetId, string targetId, CancellationToken cancellationToken)
    {
        var comments = await db.ChangeSetComments.AsNoTracking().Where(c => c.ChangeSetId == changeSetId).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new ChangeSetCommentView(c.Id, c.AuthorName, c.Kind, c.Text, c.CreatedAt)).ToListAsync(cancellationToken);
        var approvals = await db.ChangeSetApprovals.AsNoTracking().Where(a => a.ChangeSetId == changeSetId).OrderBy(a => a.ApprovedAt)
            .Select(a => new ChangeSetApprovalView(a.UserId, a.UserName, a.ApprovedAt, a.Comment)).ToListAsync(cancellationToken);
        var required = await db.Targets.Where(t => t.Id == targetId).Select(t => t.ApprovalsRequired).FirstOrDefaultAsync(cancellationToken);
        return new ChangeSetThread(comments, approvals, Math.Max(1, required));
    }
}

using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

/// <summary>The thread of a change set: its author and reviewers comment while it is not finished.</summary>
public sealed partial class ChangeSetService
{
    public async Task<ChangeSetResult> CommentAsync(ClaimsPrincipal user, long changeSetId, string text, CancellationToken cancellationToken = default)
    {
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > ChangeSetComment.MaxTextLength)
        {
            return new ChangeSetResult.Invalid($"text: write a comment of 1 to {ChangeSetComment.MaxTextLength} characters.", []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        // The table keeps a draft's thread to its author, as DraftVisibility keeps the draft.
        if (LifecycleGate.Refuse(user, changeSet, ChangeSetAction.Comment) is { } refused)
        {
            return refused;
        }
        var actor = Actor.From(user);
        // A comment is not a change of the change set: its version stays, so nobody's open page goes stale.
        db.ChangeSetComments.Add(new ChangeSetComment
        {
            ChangeSetId = changeSetId, AuthorId = actor.Id, AuthorName = actor.Name, Kind = ChangeSetCommentKind.Comment, Text = text, CreatedAt = time.GetUtcNow(),
        });
        audit.Add(db, actor.Name, AuditActions.ChangeSetCommented, changeSet!.TargetId, $"changeset/{changeSetId}", new { title = changeSet.Title, text });
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeSetResult.Saved(ToView(changeSet));
    }

    public async Task<ChangeSetThread?> GetThreadAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().Where(c => c.Id == changeSetId)
            .Select(c => new { c.State, c.AuthorId, c.TargetId }).FirstOrDefaultAsync(cancellationToken);
        return changeSet is null || !DraftVisibility.CanRead(user, changeSet.State, changeSet.AuthorId)
            ? null
            : await ChangeSetThread.ReadAsync(db, changeSetId, changeSet.TargetId, cancellationToken);
    }
}

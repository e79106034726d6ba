using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>Approve, reject, reopen: every check on the server, one transaction each, always audited.</summary>
public sealed partial class ApprovalService
{
    private const int MaxCommentLength = 1000;

    public async Task<ChangeSetResult> ApproveAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string? comment, CancellationToken cancellationToken = default)
    {
        comment = comment?.Trim() ?? "";
        if (comment.Length > MaxCommentLength)
        {
            return new ChangeSetResult.Invalid($"comment: keep the comment to {MaxCommentLength} characters.", []);
        }
        return await DecideAsync(user, changeSetId, expectedVersion, async (db, changeSet, actor) =>
        {
            var read = DocumentCodec.Read(changeSet.DocumentJson);
            if (!read.IsValid)
            {
                return new ChangeSetResult.Invalid($"The draft has {read.Problems.Count} problem(s); it cannot be approved.", read.Problems);
            }
            var liveId = await db.Targets.Where(t => t.Id == changeSet.TargetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
            if (liveId is { } live && live != changeSet.BaseRevisionId)
            {
                return new ChangeSetResult.Invalid(await StaleRefusalAsync(db, changeSet, live, cancellationToken), []);
            }
            var json = RulesDocumentJson.Serialize(read.Document!);
            var number = (await db.Revisions.Where(r => r.TargetId == changeSet.TargetId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
            var revision = new Revision
            {
                TargetId = changeSet.TargetId,
                Number = number,
                DocumentJson = json,
                Sha256 = RulesDocumentJson.Sha256(read.Document!),
                ParentRevisionId = changeSet.BaseRevisionId,
                AuthorId = changeSet.AuthorId,
                AuthorName = changeSet.AuthorName,
                CreatedAt = time.GetUtcNow(),
                Message = comment.Length == 0 ? $"{changeSet.Title} (approved by {actor.Name})" : $"{changeSet.Title} (approved by {actor.Name}: {comment})",
                ChangeSetId = changeSet.Id,
            };
            // Approving approves the publish plan, made now with the revision's id (its build bakes the id in).
            revision.Id = await RevisionIds.NextAsync(db, cancellationToken);
            var plan = (await planner.PlanAsync(revision, cancellationToken: cancellationToken)).Plan;
            changeSet.ApprovedPlanJson = plan.ToJson();
            db.Revisions.Add(revision);
            changeSet.State = ChangeSetState.Approved;
            audit.Add(db, actor.Name, AuditActions.ChangeSetApproved, changeSet.TargetId, $"changeset/{changeSet.Id}",
                new { title = changeSet.Title, author = changeSet.AuthorName, revision = number, sha256 = revision.Sha256, comment, codeSha256 = plan.CodeSha256, billedPaths = plan.BilledPaths });
            return null;
        }, cancellationToken);
    }

    public async Task<ChangeSetResult> RejectAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxCommentLength)
        {
            return new ChangeSetResult.Invalid($"reason: say why the change set is rejected (1 to {MaxCommentLength} characters), so its author knows what to fix.", []);
        }
        return await DecideAsync(user, changeSetId, expectedVersion, (db, changeSet, actor) =>
        {
            changeSet.State = ChangeSetState.Rejected;
            audit.Add(db, actor.Name, AuditActions.ChangeSetRejected, changeSet.TargetId, $"changeset/{changeSet.Id}",
                new { title = changeSet.Title, author = changeSet.AuthorName, reason });
            return Task.FromResult<ChangeSetResult?>(null);
        }, cancellationToken);
    }

    public async Task<ChangeSetResult> ReopenAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!user.IsAtLeast(PortalRoles.Editor))
        {
            return new ChangeSetResult.Forbidden($"Your role ({user.HighestRole() ?? "none"}) cannot edit drafts; an Editor, Approver or Admin can.");
        }
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (changeSet is null)
        {
            return new ChangeSetResult.NotFound("This change set does not exist.");
        }
        if (changeSet.AuthorId != actor.Id)
        {
            return new ChangeSetResult.Forbidden($"Only its author ({changeSet.AuthorName}) can reopen this change set.");
        }
        if (changeSet.Version != expectedVersion)
        {
            return Conflict(changeSet);
        }
        if (changeSet.State != ChangeSetState.Rejected)
        {
            return new ChangeSetResult.Invalid($"This change set is {changeSet.State.ToString().ToLowerInvariant()}; only a rejected one can be reopened.", []);
        }
        if (await db.ChangeSets.AnyAsync(c => c.TargetId == changeSet.TargetId && c.AuthorId == actor.Id && c.State == ChangeSetState.Draft, cancellationToken))
        {
            return new ChangeSetResult.Invalid("You already have a draft for this target; finish or abandon it first.", []);
        }
        changeSet.State = ChangeSetState.Draft;
        Touch(changeSet, actor);
        audit.Add(db, actor.Name, AuditActions.ChangeSetReopened, changeSet.TargetId, $"changeset/{changeSet.Id}", new { title = changeSet.Title });
        return await SaveAsync(db, changeSet, cancellationToken);
    }

    private async Task<ChangeSetResult> DecideAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion,
        Func<PortalDbContext, ChangeSet, Actor, Task<ChangeSetResult?>> decide, CancellationToken cancellationToken)
    {
        if (!user.IsAtLeast(PortalRoles.Approver))
        {
            return new ChangeSetResult.Forbidden($"Your role ({user.HighestRole() ?? "none"}) cannot approve or reject; an Approver or Admin can.");
        }
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // BEGIN IMMEDIATE (the Sqlite default): two approvals on one target cannot pick the same revision number.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changeSet = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (changeSet is null)
        {
            return new ChangeSetResult.NotFound("This change set does not exist.");
        }
        if (changeSet.Version != expectedVersion)
        {
            return Conflict(changeSet);
        }
        if (Decide(user, changeSet) is { Allowed: false, Reason: { } reason })
        {
            return changeSet.AuthorId == actor.Id ? new ChangeSetResult.Forbidden(reason) : new ChangeSetResult.Invalid(reason, []);
        }
        if (await decide(db, changeSet, actor) is { } refused)
        {
            return refused;
        }
        Touch(changeSet, actor);
        var result = await SaveAsync(db, changeSet, cancellationToken);
        if (result.IsSaved)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return result;
    }

    private async Task<ChangeSetResult> SaveAsync(PortalDbContext db, ChangeSet changeSet, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSet.Id, cancellationToken);
            return current is null ? new ChangeSetResult.NotFound("This change set does not exist.") : Conflict(current);
        }
        return new ChangeSetResult.Saved(new ChangeSetView(Projections.ToChangeSetSummary(changeSet), DocumentCodec.ReadStored(changeSet.DocumentJson)));
    }

    private void Touch(ChangeSet changeSet, Actor actor)
    {
        changeSet.Version = Guid.NewGuid();
        changeSet.UpdatedAt = time.GetUtcNow();
        changeSet.UpdatedBy = actor.Name;
    }

    private static ChangeSetResult.Conflict Conflict(ChangeSet current) =>
        new(current.UpdatedBy, current.UpdatedAt, current.Version,
            $"{current.UpdatedBy} changed this change set at {current.UpdatedAt:HH:mm} UTC; reload to see it as it is now.");
}

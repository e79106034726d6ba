using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>Approve, request changes, reject: the lifecycle table decides who and when; one transaction each, always audited.</summary>
public sealed partial class ApprovalService
{
    private const int MaxCommentLength = ChangeSetComment.MaxTextLength;

    public const string AlreadyApproved = "You approved this change set already; one approval per person, so it needs someone else's.";

    public async Task<ChangeSetResult> ApproveAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string? comment, CancellationToken cancellationToken = default)
    {
        comment = comment?.Trim() ?? "";
        if (comment.Length > MaxCommentLength)
        {
            return new ChangeSetResult.Invalid($"comment: keep the comment to {MaxCommentLength} characters.", []);
        }
        return await DecideAsync(user, changeSetId, expectedVersion, ChangeSetAction.Approve, async (db, changeSet, actor) =>
        {
            if (await db.ChangeSetApprovals.AnyAsync(a => a.ChangeSetId == changeSet.Id && a.UserId == actor.Id, cancellationToken))
            {
                return new ChangeSetResult.Invalid(AlreadyApproved, []);
            }
            var read = DocumentCodec.Read(changeSet.DocumentJson);
            if (!read.IsValid)
            {
                return new ChangeSetResult.Invalid($"The draft has {read.Problems.Count} problem(s); it cannot be approved.", read.Problems);
            }
            var target = await db.Targets.AsNoTracking().Where(t => t.Id == changeSet.TargetId)
                .Select(t => new { t.LiveRevisionId, t.ApprovalsRequired }).FirstAsync(cancellationToken);
            if (target.LiveRevisionId is { } live && live != changeSet.BaseRevisionId)
            {
                return new ChangeSetResult.Invalid(await StaleRefusalAsync(db, changeSet, live, cancellationToken), []);
            }
            var now = time.GetUtcNow();
            db.ChangeSetApprovals.Add(new ChangeSetApproval
            {
                ChangeSetId = changeSet.Id, UserId = actor.Id, UserName = actor.Name, ApprovedAt = now, Comment = comment, Version = changeSet.Version,
            });
            AddComment(db, changeSet, actor, ChangeSetCommentKind.Approved, comment.Length == 0 ? "Approved." : comment, now);
            var approvals = await db.ChangeSetApprovals.CountAsync(a => a.ChangeSetId == changeSet.Id, cancellationToken) + 1;
            var required = Math.Max(1, target.ApprovalsRequired);
            int? number = null;
            string? sha256 = null;
            PublishPlan? plan = null;
            // Until the target's count is reached the change set stays in review; the last approval makes the revision.
            if (approvals >= required)
            {
                Revision revision;
                try
                {
                    (revision, plan) = await NewRevisionAsync(db, changeSet, read.Document!, actor, comment, cancellationToken);
                }
                catch (Edge.Build.HandlerTooLargeException tooLarge)
                {
                    // The plan cannot be built for this target's triggers: nothing is approved.
                    return new ChangeSetResult.Invalid($"{tooLarge.Message} Remove rules or split the document; nothing was approved.", []);
                }
                changeSet.State = ChangeSetLifecycle.Find(changeSet.State, ChangeSetAction.Approve)!.To;
                (number, sha256) = (revision.Number, revision.Sha256);
            }
            audit.Add(db, actor.Name, AuditActions.ChangeSetApproved, changeSet.TargetId, $"changeset/{changeSet.Id}",
                new { title = changeSet.Title, author = changeSet.AuthorName, approvals, required, revision = number, sha256, comment, codeSha256 = plan?.CodeSha256, billedPaths = plan?.BilledPaths });
            return null;
        }, cancellationToken);
    }

    public Task<ChangeSetResult> RequestChangesAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default) =>
        SendBackAsync(user, changeSetId, expectedVersion, reason, ChangeSetAction.RequestChanges, "what should change", ChangeSetCommentKind.ChangesRequested,
            AuditActions.ChangeSetChangesRequested, cancellationToken);

    public Task<ChangeSetResult> RejectAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default) =>
        SendBackAsync(user, changeSetId, expectedVersion, reason, ChangeSetAction.Reject, "why the change set is rejected", ChangeSetCommentKind.Rejected,
            AuditActions.ChangeSetRejected, cancellationToken);

    /// <summary>Request changes or reject: a reason is required, and it goes on the thread for the author.</summary>
    private async Task<ChangeSetResult> SendBackAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, ChangeSetAction action,
        string say, ChangeSetCommentKind kind, string auditAction, CancellationToken cancellationToken)
    {
        reason = reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxCommentLength)
        {
            return new ChangeSetResult.Invalid($"reason: say {say} (1 to {MaxCommentLength} characters), so its author knows what to fix.", []);
        }
        return await DecideAsync(user, changeSetId, expectedVersion, action, (db, changeSet, actor) =>
        {
            changeSet.State = ChangeSetLifecycle.Find(changeSet.State, action)!.To;
            AddComment(db, changeSet, actor, kind, reason, time.GetUtcNow());
            audit.Add(db, actor.Name, auditAction, changeSet.TargetId, $"changeset/{changeSet.Id}",
                new { title = changeSet.Title, author = changeSet.AuthorName, reason });
            return Task.FromResult<ChangeSetResult?>(null);
        }, cancellationToken);
    }

    /// <summary>The revision the last required approval makes, and the publish plan approving it approves (made now with the revision's id: its build bakes the id in).</summary>
    private async Task<(Revision Revision, PublishPlan Plan)> NewRevisionAsync(PortalDbContext db, ChangeSet changeSet, RulesDocument document, Actor actor, string comment, CancellationToken cancellationToken)
    {
        var number = (await db.Revisions.Where(r => r.TargetId == changeSet.TargetId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;
        var approvers = await db.ChangeSetApprovals.Where(a => a.ChangeSetId == changeSet.Id).Select(a => a.UserName).ToListAsync(cancellationToken);
        approvers.Add(actor.Name);
        var revision = new Revision
        {
            TargetId = changeSet.TargetId,
            Number = number,
            DocumentJson = RulesDocumentJson.Serialize(document),
            Sha256 = RulesDocumentJson.Sha256(document),
            ParentRevisionId = changeSet.BaseRevisionId,
            AuthorId = changeSet.AuthorId,
            AuthorName = changeSet.AuthorName,
            CreatedAt = time.GetUtcNow(),
            Message = comment.Length == 0
                ? $"{changeSet.Title} (approved by {string.Join(", ", approvers)})"
                : $"{changeSet.Title} (approved by {string.Join(", ", approvers)}: {comment})",
            ChangeSetId = changeSet.Id,
        };
        revision.Id = await RevisionIds.NextAsync(db, cancellationToken);
        var plan = (await planner.PlanAsync(revision, cancellationToken: cancellationToken)).Plan;
        changeSet.ApprovedPlanJson = plan.ToJson();
        db.Revisions.Add(revision);
        return (revision, plan);
    }

    private static void AddComment(PortalDbContext db, ChangeSet changeSet, Actor actor, ChangeSetCommentKind kind, string text, DateTimeOffset now) =>
        db.ChangeSetComments.Add(new ChangeSetComment { ChangeSetId = changeSet.Id, AuthorId = actor.Id, AuthorName = actor.Name, Kind = kind, Text = text, CreatedAt = now });

    private async Task<ChangeSetResult> DecideAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, ChangeSetAction action,
        Func<PortalDbContext, ChangeSet, Actor, Task<ChangeSetResult?>> decide, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // BEGIN IMMEDIATE (the Sqlite default): two approvals on one target cannot pick the same revision number.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changeSet = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (LifecycleGate.Refuse(user, changeSet, action) is { } refused)
        {
            return refused;
        }
        if (changeSet!.Version != expectedVersion)
        {
            return Conflict(changeSet);
        }
        if (await decide(db, changeSet, actor) is { } notNow)
        {
            return notNow;
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

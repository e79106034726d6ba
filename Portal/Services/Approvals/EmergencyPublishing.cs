using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Approvals;

/// <inheritdoc cref="IEmergencyPublishing"/>
public sealed class EmergencyPublishing(
    IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, TimeProvider time, PublishPlanner planner, PublishService publishing) : IEmergencyPublishing
{
    public const int MaxTextLength = 1000;

    private static readonly ChangeSetState[] _publishable = [ChangeSetState.Draft, ChangeSetState.InReview, ChangeSetState.ChangesRequested];

    public async Task<PublishResult> PublishAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default)
    {
        if (!user.IsAtLeast(PortalRoles.Admin))
        {
            return new PublishResult.Forbidden($"An emergency publish needs the Admin role; you are {user.HighestRole() ?? "signed out"}. Ask for a review instead.");
        }
        reason = reason?.Trim() ?? "";
        if (reason.Length is 0 or > MaxTextLength)
        {
            return new PublishResult.Refused($"reason: say why this cannot wait for review (1 to {MaxTextLength} characters); it is kept in the audit history.");
        }
        var actor = Actor.From(user);
        long revisionId;
        string targetId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var changeSet = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
            if (await RefusalAsync(db, changeSet, expectedVersion, cancellationToken) is { } refused)
            {
                return new PublishResult.Refused(refused);
            }
            var revision = await ChangeSetPlans.WouldBeRevisionAsync(db, changeSet!, DocumentCodec.ReadStored(changeSet!.DocumentJson), cancellationToken);
            revision.CreatedAt = time.GetUtcNow();
            revision.ChangeSetId = changeSet.Id;
            revision.Message = $"{changeSet.Title} (emergency publish by {actor.Name}: {reason})";
            var plan = (await planner.PlanAsync(revision, cancellationToken: cancellationToken)).Plan;
            db.Revisions.Add(revision);
            changeSet.ApprovedPlanJson = plan.ToJson();
            changeSet.EmergencyReason = reason;
            changeSet.EmergencyById = actor.Id;
            changeSet.EmergencyByName = actor.Name;
            changeSet.State = ChangeSetState.Approved;
            changeSet.Version = Guid.NewGuid();
            changeSet.UpdatedAt = time.GetUtcNow();
            changeSet.UpdatedBy = actor.Name;
            audit.Add(db, actor.Name, AuditActions.EmergencyPublished, changeSet.TargetId, $"changeset/{changeSet.Id}",
                new { title = changeSet.Title, author = changeSet.AuthorName, revision = revision.Number, sha256 = revision.Sha256, reason, codeSha256 = plan.CodeSha256 });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new PublishResult.Refused("Someone changed this change set just now; reload it and look again before publishing.");
            }
            await transaction.CommitAsync(cancellationToken);
            (revisionId, targetId) = (revision.Id, changeSet.TargetId);
        }
        return await publishing.StartPublishAsync(user, targetId, revisionId, cancellationToken);
    }

    public async Task<EmergencyStatus?> StatusAsync(long changeSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChangeSets.AsNoTracking().Where(c => c.Id == changeSetId && c.EmergencyReason != null)
            .Select(c => new EmergencyStatus(c.EmergencyReason!, c.EmergencyById!, c.EmergencyByName!, c.AcknowledgedByName, c.AcknowledgedAt, c.AcknowledgeComment))
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeSetSummary>> NeedingReviewAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ChangeSets.AsNoTracking().Where(c => c.EmergencyReason != null && c.AcknowledgedByName == null)
            .OrderByDescending(c => c.UpdatedAt).Select(Projections.ChangeSetSummary).ToListAsync(cancellationToken);
    }

    public async Task<ChangeSetResult> AcknowledgeAsync(ClaimsPrincipal user, long changeSetId, string comment, CancellationToken cancellationToken = default)
    {
        if (!user.IsAtLeast(PortalRoles.Approver))
        {
            return new ChangeSetResult.Forbidden($"Your role ({user.HighestRole() ?? "none"}) cannot review an emergency publish; an Approver or Admin can.");
        }
        comment = comment?.Trim() ?? "";
        if (comment.Length is 0 or > MaxTextLength)
        {
            return new ChangeSetResult.Invalid($"comment: say what you checked (1 to {MaxTextLength} characters).", []);
        }
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (changeSet is null)
        {
            return new ChangeSetResult.NotFound("This change set does not exist.");
        }
        if (changeSet.EmergencyReason is null)
        {
            return new ChangeSetResult.Invalid("This change set was not published in an emergency; there is nothing to acknowledge.", []);
        }
        if (changeSet.AcknowledgedByName is { } by)
        {
            return new ChangeSetResult.Invalid($"{by} already reviewed this emergency publish.", []);
        }
        if (changeSet.EmergencyById == actor.Id)
        {
            return new ChangeSetResult.Forbidden("You published this change set in an emergency; a second person must review it after the fact.");
        }
        changeSet.AcknowledgedByName = actor.Name;
        changeSet.AcknowledgedAt = time.GetUtcNow();
        changeSet.AcknowledgeComment = comment;
        changeSet.Version = Guid.NewGuid();
        changeSet.UpdatedAt = time.GetUtcNow();
        changeSet.UpdatedBy = actor.Name;
        audit.Add(db, actor.Name, AuditActions.EmergencyAcknowledged, changeSet.TargetId, $"changeset/{changeSet.Id}",
            new { title = changeSet.Title, publishedBy = changeSet.EmergencyByName, reason = changeSet.EmergencyReason, comment });
        await db.SaveChangesAsync(cancellationToken);
        return new ChangeSetResult.Saved(new ChangeSetView(Projections.ToChangeSetSummary(changeSet), DocumentCodec.ReadStored(changeSet.DocumentJson)));
    }

    /// <summary>Why the change set cannot be published in an emergency; null when it can.</summary>
    private static async Task<string?> RefusalAsync(PortalDbContext db, ChangeSet? changeSet, Guid expectedVersion, CancellationToken cancellationToken)
    {
        if (changeSet is null)
        {
            return "This change set does not exist.";
        }
        if (changeSet.Version != expectedVersion)
        {
            return $"{changeSet.UpdatedBy} changed this change set at {changeSet.UpdatedAt:HH:mm} UTC; reload it and look again before publishing.";
        }
        if (!_publishable.Contains(changeSet.State))
        {
            return $"This change set is {changeSet.State.ToString().ToLowerInvariant()}; only a draft or a submitted one can be published in an emergency.";
        }
        var read = DocumentCodec.Read(changeSet.DocumentJson);
        if (!read.IsValid)
        {
            return $"The draft has {read.Problems.Count} problem(s); fix them first, even in an emergency.";
        }
        var liveId = await db.Targets.Where(t => t.Id == changeSet.TargetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        if (liveId is { } live && live != changeSet.BaseRevisionId)
        {
            var numbers = await db.Revisions.AsNoTracking().Where(r => r.Id == changeSet.BaseRevisionId || r.Id == live).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
            return StaleBase.Refusal(changeSet.Id, numbers[changeSet.BaseRevisionId], numbers[live], changeSet.TargetId);
        }
        return null;
    }
}

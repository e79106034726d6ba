using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Rules.Merge;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

/// <summary>
/// Carrying a change set onto the live revision when live moved since it was started (ADR 0005): the
/// change set is the changes from its base, so they are merged onto live rather than replacing it.
/// </summary>
public sealed partial class ChangeSetService
{
    public async Task<ChangeSetResult> RebaseAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion,
        IReadOnlyDictionary<string, MergeChoice>? choices = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One transaction: dropping the approvals and storing the rebased draft happen together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changeSet = await db.ChangeSets.FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        // A change set in review or approved can be rebased too; it goes back to draft and its approvals are dropped.
        if (LifecycleGate.Refuse(user, changeSet, ChangeSetAction.Rebase) is { } refused)
        {
            return refused;
        }
        var actor = Actor.From(user);
        if (changeSet!.Version != expectedVersion)
        {
            return Conflict(changeSet);
        }
        var liveId = await db.Targets.Where(t => t.Id == changeSet.TargetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        if (liveId is null || liveId == changeSet.BaseRevisionId)
        {
            return new ChangeSetResult.Saved(ToView(changeSet));
        }
        var baseRevision = await db.Revisions.AsNoTracking().FirstAsync(r => r.Id == changeSet.BaseRevisionId, cancellationToken);
        var live = await db.Revisions.AsNoTracking().FirstAsync(r => r.Id == liveId, cancellationToken);
        var merge = ThreeWayMerge.Merge(DocumentCodec.ReadStored(baseRevision.DocumentJson), DocumentCodec.ReadStored(live.DocumentJson), ToView(changeSet).Document);
        if (!merge.IsClean && (choices is null || merge.Conflicts.Any(c => !choices.ContainsKey(c.Key))))
        {
            // Nothing is stored: the draft stays on its old base until every conflict has a choice.
            return new ChangeSetResult.MergeConflicted(Projections.ToRevisionSummary(live), Projections.ToRevisionSummary(baseRevision), merge.Conflicts);
        }
        Rules.Document.RulesDocument rebased;
        try
        {
            rebased = merge.IsClean ? merge.Merged : merge.Resolve(choices!);
        }
        catch (ArgumentException stale)
        {
            return new ChangeSetResult.Invalid(stale.Message.Split(" (Parameter")[0], []);
        }
        var dropped = changeSet.State;
        changeSet.DocumentJson = DocumentCodec.Write(rebased);
        changeSet.BaseRevisionId = live.Id;
        changeSet.State = ChangeSetLifecycle.Find(dropped, ChangeSetAction.Rebase)!.To;
        Touch(changeSet, actor);
        var droppedApprovals = await ApprovalDrops.DropAsync(db, changeSet.Id, actor, $"{actor.Name} rebased it onto revision {live.Number}", changeSet.UpdatedAt, cancellationToken);
        audit.Add(db, actor.Name, AuditActions.ChangeSetRebased, changeSet.TargetId, $"changeset/{changeSet.Id}", new
        {
            fromRevision = baseRevision.Number,
            toRevision = live.Number,
            conflicts = merge.Conflicts.Count,
            choices = merge.Conflicts.ToDictionary(c => c.Key, c => choices![c.Key].ToString().ToLowerInvariant()),
            droppedState = dropped == changeSet.State ? null : ChangeSetLifecycle.Label(dropped),
            droppedApprovals,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(changeSetId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        cache.Set(changeSet.Id, changeSet.Version, rebased);
        return new ChangeSetResult.Saved(new ChangeSetView(Projections.ToChangeSetSummary(changeSet), rebased));
    }

    /// <summary>Null when the change set is based on the live revision; otherwise why it must be rebased first.</summary>
    private static async Task<ChangeSetResult?> RefuseStaleBaseAsync(PortalDbContext db, ChangeSet changeSet, CancellationToken cancellationToken)
    {
        var live = await db.Targets.Where(t => t.Id == changeSet.TargetId)
            .Join(db.Revisions, t => t.LiveRevisionId, r => r.Id, (t, r) => new { r.Id, r.Number }).FirstOrDefaultAsync(cancellationToken);
        return live is null || live.Id == changeSet.BaseRevisionId
            ? null
            : new ChangeSetResult.Invalid($"Live moved to revision {live.Number}; rebase the change set onto it before submitting.", []);
    }
}

using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Merge;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

/// <summary>
/// Carrying a change set onto the live revision when live moved since it was started (ADR 0005): the
/// change set is the changes from its base, so they are merged onto live rather than replacing it.
/// </summary>
public sealed partial class ChangeSetService
{
    // A submitted or approved change set can be rebased too; it goes back to draft, so its approval is dropped.
    private static readonly ChangeSetState[] _rebasable = [ChangeSetState.Draft, ChangeSetState.Submitted, ChangeSetState.Approved];

    public async Task<ChangeSetResult> RebaseAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion,
        IReadOnlyDictionary<string, MergeChoice>? choices = null, CancellationToken cancellationToken = default)
    {
        if (RefuseEditing(user) is { } refused)
        {
            return refused;
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
            return new ChangeSetResult.Forbidden($"Only its author ({changeSet.AuthorName}) can rebase this change set.");
        }
        if (!_rebasable.Contains(changeSet.State))
        {
            return new ChangeSetResult.NotFound($"This change set is {changeSet.State.ToString().ToLowerInvariant()}; there is nothing to rebase.");
        }
        if (changeSet.Version != expectedVersion)
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
        changeSet.State = ChangeSetState.Draft;
        Touch(changeSet, actor);
        audit.Add(db, actor.Name, AuditActions.ChangeSetRebased, changeSet.TargetId, $"changeset/{changeSet.Id}", new
        {
            fromRevision = baseRevision.Number,
            toRevision = live.Number,
            conflicts = merge.Conflicts.Count,
            choices = merge.Conflicts.ToDictionary(c => c.Key, c => choices![c.Key].ToString().ToLowerInvariant()),
            droppedState = dropped == ChangeSetState.Draft ? null : dropped.ToString().ToLowerInvariant(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(changeSetId, cancellationToken);
        }
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

using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

/// <summary>Queries and new drafts; the edits are in ChangeSetService.Editing.cs, the author's moves in ChangeSetService.Moves.cs.</summary>
public sealed partial class ChangeSetService(
    IDbContextFactory<PortalDbContext> dbFactory,
    AuditLog audit,
    DraftDocumentCache cache,
    TimeProvider time) : IChangeSetService
{
    public async Task<ChangeSetResult> GetOrCreateDraftAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default)
    {
        if (RefuseEditing(user) is { } refused)
        {
            return refused;
        }
        if (await FindDraftAsync(user, targetId, cancellationToken) is { } existing && ChangeSetLifecycle.EditableStates.Contains(existing.State))
        {
            return new ChangeSetResult.Saved(existing);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var live = await db.Targets.AsNoTracking().Where(t => t.Id == targetId)
            .Join(db.Revisions, t => t.LiveRevisionId, r => r.Id, (t, r) => r).FirstOrDefaultAsync(cancellationToken);
        return live is null
            ? new ChangeSetResult.NotFound($"There is no target \"{targetId}\".")
            : await CreateDraftAsync(user, targetId, live.Id, DocumentCodec.ReadStored(live.DocumentJson), cancellationToken);
    }

    public async Task<ChangeSetView?> FindDraftAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default)
    {
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var liveId = await db.Targets.Where(t => t.Id == targetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        // The author's change set in the editor: one they can edit first, else one in review or rejected (shown
        // read-only with its moves). An approved one that live moved past can no longer be approved as it is: its
        // author opens it in the editor to rebase it (which takes it back to draft).
        var existing = (await db.ChangeSets.AsNoTracking()
            .Where(c => c.TargetId == targetId && c.AuthorId == actor.Id)
            .Where(c => c.State == ChangeSetState.Draft || c.State == ChangeSetState.ChangesRequested || c.State == ChangeSetState.InReview
                || c.State == ChangeSetState.Rejected || (c.State == ChangeSetState.Approved && c.BaseRevisionId != liveId))
            .ToListAsync(cancellationToken))
            .OrderBy(c => Array.IndexOf(_editorOrder, c.State)).ThenByDescending(c => c.UpdatedAt).FirstOrDefault();
        return existing is null ? null : ToView(existing);
    }

    private static readonly ChangeSetState[] _editorOrder =
        [ChangeSetState.Draft, ChangeSetState.ChangesRequested, ChangeSetState.InReview, ChangeSetState.Approved, ChangeSetState.Rejected];

    public async Task<ChangeSetResult> CreateDraftAsync(ClaimsPrincipal user, string targetId, long baseRevisionId, RulesDocument document, CancellationToken cancellationToken = default)
    {
        if (RefuseEditing(user) is { } refused)
        {
            return refused;
        }
        var actor = Actor.From(user);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        if (target is null)
        {
            return new ChangeSetResult.NotFound($"There is no target \"{targetId}\".");
        }
        var baseRevision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == baseRevisionId && r.TargetId == targetId, cancellationToken);
        if (baseRevision is null)
        {
            return new ChangeSetResult.NotFound($"baseRevisionId: revision {baseRevisionId} is not a revision of \"{targetId}\".");
        }
        if (await HasEditableAsync(db, targetId, actor, cancellationToken))
        {
            return new ChangeSetResult.Invalid("You already have a draft for this target; reload the editor to continue it.", []);
        }
        var now = time.GetUtcNow();
        var draft = new ChangeSet
        {
            TargetId = targetId,
            BaseRevisionId = baseRevision.Id,
            AuthorId = actor.Id,
            AuthorName = actor.Name,
            Title = $"Changes to {target.DisplayName}",
            DocumentJson = DocumentCodec.Write(document),
            State = ChangeSetState.Draft,
            Version = Guid.NewGuid(),
            CreatedAt = now,
            UpdatedAt = now,
            UpdatedBy = actor.Name,
        };
        // The audit event names the change set's id, so two saves; one transaction, so that a failed second
        // save (a full disk) leaves no change set without its audit event.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeSets.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, actor.Name, AuditActions.DraftCreated, targetId, $"changeset/{draft.Id}", new
        {
            baseRevision = baseRevision.Number,
            ruleCount = document.RuleCount,
            // The editor's first save creates the draft with its edits: they are the rule changes from the base.
            rules = AuditRuleChanges.Describe(DocumentCodec.ReadStored(baseRevision.DocumentJson), document),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ChangeSetResult.Saved(ToView(draft));
    }

    public async Task<ChangeSetView?> GetAsync(long changeSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        return changeSet is null ? null : ToView(changeSet);
    }

    public async Task<IReadOnlyList<ChangeSetSummary>> ListAsync(string? targetId = null, string? authorId = null, ChangeSetState? state = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.ChangeSets.AsNoTracking();
        query = targetId is null ? query : query.Where(c => c.TargetId == targetId);
        query = authorId is null ? query : query.Where(c => c.AuthorId == authorId);
        query = state is null ? query : query.Where(c => c.State == state);
        return await query.OrderByDescending(c => c.UpdatedAt).Select(Projections.ChangeSetSummary).ToListAsync(cancellationToken);
    }

    public async Task<DocumentExport?> ExportAsync(ClaimsPrincipal user, long changeSetId, CancellationToken cancellationToken = default)
    {
        if (!user.IsAtLeast(PortalRoles.Viewer))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        if (changeSet is null || !DraftVisibility.CanRead(user, changeSet.State, changeSet.AuthorId))
        {
            return null;
        }
        audit.Add(db, Actor.From(user).Name, AuditActions.Exported, changeSet.TargetId, $"changeset/{changeSet.Id}", new { version = changeSet.Version });
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentExport($"{changeSet.TargetId}-changeset-{changeSet.Id}.json", changeSet.DocumentJson);
    }

    private ChangeSetView ToView(ChangeSet changeSet)
    {
        if (!cache.TryGet(changeSet.Id, changeSet.Version, out var document))
        {
            document = DocumentCodec.ReadStored(changeSet.DocumentJson);
            cache.Set(changeSet.Id, changeSet.Version, document);
        }
        return new ChangeSetView(Projections.ToChangeSetSummary(changeSet), document);
    }

    private void Touch(ChangeSet changeSet, Actor actor)
    {
        changeSet.Version = Guid.NewGuid();
        changeSet.UpdatedAt = time.GetUtcNow();
        changeSet.UpdatedBy = actor.Name;
    }

    private static ChangeSetResult? RefuseEditing(ClaimsPrincipal user) =>
        user.IsAtLeast(PortalRoles.Editor)
            ? null
            : new ChangeSetResult.Forbidden($"Your role ({user.HighestRole() ?? "none"}) cannot change drafts; an Editor, Approver or Admin can.");

    /// <summary>One editable change set per author and target, so the editor always knows which one to open.</summary>
    private static Task<bool> HasEditableAsync(PortalDbContext db, string targetId, Actor actor, CancellationToken cancellationToken, long exceptId = 0) =>
        db.ChangeSets.AnyAsync(c => c.TargetId == targetId && c.AuthorId == actor.Id && c.Id != exceptId && _editable.Contains(c.State), cancellationToken);

    private static readonly ChangeSetState[] _editable = [.. ChangeSetLifecycle.EditableStates];

    private static ChangeSetResult.Conflict Conflict(ChangeSet current) =>
        new(current.UpdatedBy, current.UpdatedAt, current.Version,
            $"{current.UpdatedBy} saved this change set at {current.UpdatedAt:HH:mm} UTC; reload to see their version.");

    private async Task<ChangeSetResult> ConflictAsync(long changeSetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var current = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        return current is null ? new ChangeSetResult.NotFound("This change set does not exist.") : Conflict(current);
    }
}

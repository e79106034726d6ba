using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

/// <summary>The author's moves: submit, withdraw, reopen, abandon. Which are allowed is ChangeSetLifecycle's table.</summary>
public sealed partial class ChangeSetService
{
    public const int MaxTitleLength = 200;

    public Task<ChangeSetResult> SubmitAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string title, string description, CancellationToken cancellationToken = default)
    {
        title = title?.Trim() ?? "";
        description = description?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitleLength)
        {
            return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Invalid($"title: give the change set a title of 1 to {MaxTitleLength} characters.", []));
        }
        if (description.Length is 0 or > ChangeSetComment.MaxTextLength)
        {
            return Task.FromResult<ChangeSetResult>(new ChangeSetResult.Invalid(
                $"description: say what the change set does and why (1 to {ChangeSetComment.MaxTextLength} characters), so its reviewers know what they approve.", []));
        }
        return MoveAsync(user, changeSetId, expectedVersion, ChangeSetAction.Submit, AuditActions.ChangeSetSubmitted, async (db, changeSet, _) =>
        {
            if (DocumentCodec.Validate(DocumentCodec.ReadStored(changeSet.DocumentJson)) is { Count: > 0 } problems)
            {
                return new ChangeSetResult.Invalid($"The draft has {problems.Count} problem(s); fix them before submitting.", problems);
            }
            if (await RefuseStaleBaseAsync(db, changeSet, cancellationToken) is { } stale)
            {
                return stale;
            }
            changeSet.Title = title;
            changeSet.Description = description;
            return null;
        }, cancellationToken);
    }

    public Task<ChangeSetResult> WithdrawAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(user, changeSetId, expectedVersion, ChangeSetAction.Withdraw, AuditActions.ChangeSetWithdrawn, async (db, changeSet, actor) =>
        {
            if (await HasEditableAsync(db, changeSet.TargetId, actor, cancellationToken, changeSet.Id))
            {
                return new ChangeSetResult.Invalid("You already have a draft for this target; finish or abandon it first.", []);
            }
            await ApprovalDrops.DropAsync(db, changeSet.Id, actor, $"{actor.Name} withdrew the change set to edit it", time.GetUtcNow(), cancellationToken);
            return null;
        }, cancellationToken);

    public Task<ChangeSetResult> ReopenAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(user, changeSetId, expectedVersion, ChangeSetAction.Reopen, AuditActions.ChangeSetReopened, async (db, changeSet, actor) =>
            await HasEditableAsync(db, changeSet.TargetId, actor, cancellationToken, changeSet.Id)
                ? new ChangeSetResult.Invalid("You already have a draft for this target; finish or abandon it first.", [])
                : null, cancellationToken);

    public Task<ChangeSetResult> AbandonAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, CancellationToken cancellationToken = default) =>
        MoveAsync(user, changeSetId, expectedVersion, ChangeSetAction.Abandon, AuditActions.ChangeSetAbandoned, async (db, changeSet, actor) =>
        {
            await ApprovalDrops.DropAsync(db, changeSet.Id, actor, $"{actor.Name} abandoned the change set", time.GetUtcNow(), cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>One move of the table: its checks, <paramref name="prepare"/> (which may refuse), the new state, the audit event, one transaction.</summary>
    private async Task<ChangeSetResult> MoveAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, ChangeSetAction action, string auditAction,
        Func<PortalDbContext, ChangeSet, Actor, Task<ChangeSetResult?>> prepare, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
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
        var actor = Actor.From(user);
        if (await prepare(db, changeSet, actor) is { } notNow)
        {
            return notNow;
        }
        var from = changeSet.State;
        changeSet.State = ChangeSetLifecycle.Find(from, action)!.To;
        Touch(changeSet, actor);
        audit.Add(db, actor.Name, auditAction, changeSet.TargetId, $"changeset/{changeSet.Id}",
            new { title = changeSet.Title, from = ChangeSetLifecycle.Label(from), to = ChangeSetLifecycle.Label(changeSet.State) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync(changeSetId, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new ChangeSetResult.Saved(ToView(changeSet));
    }
}

using System.Globalization;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// What the portal records when a deployment starts and ends: the audit trail, and the change set's move to
/// Published or Failed. The target's live revision was already moved by the store, with the success itself.
/// </summary>
public sealed class PublishCompletion(IDbContextFactory<PortalDbContext> dbFactory, PublishAudit audit, AuditLog auditLog)
{
    private const string Worker = "system";

    public async Task StartedAsync(Deployment deployment, CancellationToken cancellationToken) =>
        await audit.WriteAsync(Worker, AuditActions.PublishStarted, deployment.TargetId, deployment.Id,
            await DetailsAsync(deployment, cancellationToken), cancellationToken);

    /// <summary>Marks the change set published on success; audits success or failure (with its sentence). Unfinished: nothing.</summary>
    public async Task FinishedAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        if (!deployment.IsFinished)
        {
            return;
        }
        var details = await DetailsAsync(deployment, cancellationToken);
        if (deployment.State == DeploymentState.Succeeded)
        {
            // The change set the revision was approved from has now reached the edge (moved before the deployment's
            // last event, so whoever waits for that event sees the change set moved too).
            await MoveChangeSetAsync(deployment, details, ChangeSetAction.PublishSucceeded, AuditActions.ChangeSetPublished, cancellationToken);
            await audit.WriteAsync(Worker, AuditActions.PublishSucceeded, deployment.TargetId, deployment.Id, details, cancellationToken);
        }
        else
        {
            await MoveChangeSetAsync(deployment, details, ChangeSetAction.PublishFailed, AuditActions.ChangeSetPublishFailed, cancellationToken);
            await audit.WriteAsync(Worker, AuditActions.PublishFailed, deployment.TargetId, deployment.Id, details, cancellationToken);
        }
    }

    /// <summary>
    /// The system's move of the revision's change set, as the lifecycle table says; nothing when the table has none
    /// from its state (a rollback to a published change set's revision, or a revision made without a change set).
    /// </summary>
    private async Task MoveChangeSetAsync(Deployment deployment, PublishAuditDetails details, ChangeSetAction action, string auditAction, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSetId = await db.Revisions.Where(r => r.Id == details.RevisionId).Select(r => r.ChangeSetId).FirstOrDefaultAsync(cancellationToken);
        var state = await db.ChangeSets.Where(c => c.Id == changeSetId).Select(c => (ChangeSetState?)c.State).FirstOrDefaultAsync(cancellationToken);
        if (state is not { } from || ChangeSetLifecycle.SystemMove(from, action) is not { } to)
        {
            return;
        }
        if (from == to)
        {
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional on the state read, so a withdrawal in between is not overwritten.
        var moved = await db.ChangeSets.Where(c => c.Id == changeSetId && c.State == from)
            .ExecuteUpdateAsync(c => c.SetProperty(x => x.State, to), cancellationToken);
        if (moved > 0)
        {
            auditLog.Add(db, Worker, auditAction, deployment.TargetId, $"changeset/{changeSetId}",
                new { deployment = deployment.Id, revision = details.RevisionNumber, from = ChangeSetLifecycle.Label(from), to = ChangeSetLifecycle.Label(to) });
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<PublishAuditDetails> DetailsAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var revisionId = long.Parse(deployment.Request.RevisionId, CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = await db.Revisions.Where(r => r.Id == revisionId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        return new PublishAuditDetails(revisionId, number, deployment.Request.Kind.ToString(), deployment.Version, deployment.Error);
    }
}

using System.Globalization;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// What the portal records when a deployment starts and ends: the audit trail, and on success the change set's
/// Published state. The target's live revision was already moved by the store, with the success itself.
/// </summary>
public sealed class PublishCompletion(IDbContextFactory<PortalDbContext> dbFactory, PublishAudit audit)
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
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // The change set the revision was approved from has now reached the edge.
            var changeSetId = await db.Revisions.Where(r => r.Id == details.RevisionId).Select(r => r.ChangeSetId).FirstOrDefaultAsync(cancellationToken);
            await db.ChangeSets.Where(c => c.Id == changeSetId && c.State == ChangeSetState.Approved)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.State, ChangeSetState.Published), cancellationToken);
            await audit.WriteAsync(Worker, AuditActions.PublishSucceeded, deployment.TargetId, deployment.Id, details, cancellationToken);
        }
        else
        {
            await audit.WriteAsync(Worker, AuditActions.PublishFailed, deployment.TargetId, deployment.Id, details, cancellationToken);
        }
    }

    private async Task<PublishAuditDetails> DetailsAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        var revisionId = long.Parse(deployment.Request.RevisionId, CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var number = await db.Revisions.Where(r => r.Id == revisionId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
        return new PublishAuditDetails(revisionId, number, deployment.Request.Kind.ToString(), deployment.Version, deployment.Error);
    }
}

using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>A deployment with its step log, and the time its running step has left when it was read, as the target page shows it.</summary>
public sealed record DeploymentView(Deployment Deployment, IReadOnlyList<DeploymentLogEntry> Log, TimeSpan? StepTimeLeft = null);

/// <summary>The deployments of a target, read from the deployment store's tables, and the local target's state.</summary>
public sealed class DeploymentHistory(IDbContextFactory<PortalDbContext> dbFactory, IDeploymentStore store, LocalAws local, LocalTargetOptions localOptions, TimeProvider time)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<DeploymentView>> ListAsync(string targetId, int max = 20, CancellationToken cancellationToken = default)
    {
        List<string> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Deployments.AsNoTracking().Where(d => d.TargetId == targetId)
                .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => d.Id).Take(max).ToListAsync(cancellationToken);
        }
        var views = new List<DeploymentView>();
        foreach (var id in ids)
        {
            if (await GetAsync(id, cancellationToken) is { } view)
            {
                views.Add(view);
            }
        }
        return views;
    }

    public async Task<DeploymentView?> GetAsync(string deploymentId, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(deploymentId, cancellationToken) is { } deployment
            ? new DeploymentView(deployment, await store.LoadLogAsync(deploymentId, cancellationToken),
                deployment is { IsFinished: false, StepDeadline: { } deadline } ? deadline - time.GetUtcNow() : null)
            : null;

    /// <summary>Versions, associations and invalidations of the simulated AWS behind the local target.</summary>
    public LocalTargetState LocalState() => LocalTargetState.Read(local, localOptions);

    /// <summary>Raised after every change to the local target.</summary>
    public event EventHandler? LocalChanged
    {
        add => local.Changed += value;
        remove => local.Changed -= value;
    }
}

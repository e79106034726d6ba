using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>A deployment with its step log, the time its running step has left when it was read, and, for an emergency publish, its written reason.</summary>
public sealed record DeploymentView(Deployment Deployment, IReadOnlyList<DeploymentLogEntry> Log, TimeSpan? StepTimeLeft = null, string? EmergencyReason = null);

/// <summary>The deployments of a target, read from the deployment store's tables, and the local target's state.</summary>
public sealed class DeploymentHistory(IDbContextFactory<PortalDbContext> dbFactory, IDeploymentStore store, DeploymentPlans plans, LocalAws local, LocalTargetOptions localOptions, TimeProvider time)
{
    /// <summary>Newest first; one read, without the step logs (the progress panel reads one deployment's log).</summary>
    public async Task<IReadOnlyList<Deployment>> ListAsync(string targetId, int max = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.Deployments.AsNoTracking().Where(d => d.TargetId == targetId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => d.DeploymentJson).Take(max).ToListAsync(cancellationToken);
        return [.. json.Select(DatabaseDeploymentStore.Read)];
    }

    public async Task<DeploymentView?> GetAsync(string deploymentId, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(deploymentId, cancellationToken) is { } deployment
            ? new DeploymentView(deployment, await store.LoadLogAsync(deploymentId, cancellationToken),
                deployment is { IsFinished: false, StepDeadline: { } deadline } ? deadline - time.GetUtcNow() : null,
                (await plans.OfAsync(deploymentId, cancellationToken))?.EmergencyReason)
            : null;

    /// <summary>True when the edge may serve a revision besides the live one (a deployment unconfirmed or unfinished), so publishing the live one again means something.</summary>
    public async Task<bool> MayServeOtherThanLiveAsync(string targetId, CancellationToken cancellationToken = default)
    {
        // Only deployments since the target's last success may: read those, not the whole history.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lastSuccess = await db.Deployments.AsNoTracking().Where(d => d.TargetId == targetId && d.State == DeploymentState.Succeeded)
            .MaxAsync(d => (DateTimeOffset?)d.CreatedAt, cancellationToken) ?? DateTimeOffset.MinValue;
        var since = await db.Deployments.AsNoTracking().Where(d => d.TargetId == targetId && d.CreatedAt > lastSuccess)
            .OrderByDescending(d => d.CreatedAt).Select(d => d.DeploymentJson).ToListAsync(cancellationToken);
        return ServedRevisions.MayServe([.. since.Select(DatabaseDeploymentStore.Read)]).Count > 0;
    }

    /// <summary>
    /// Changes whenever a deployment to the target (any target: null) is saved or its live revision moves: two cheap reads, so a page
    /// can ask often and reload only when the answer differs.
    /// </summary>
    public async Task<string> MarkAsync(string? targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var newest = await db.Deployments.AsNoTracking().Where(d => targetId == null || d.TargetId == targetId)
            .OrderByDescending(d => d.UpdatedAt).Select(d => new { d.Id, d.State, d.UpdatedAt }).FirstOrDefaultAsync(cancellationToken);
        var live = targetId is null ? null
            : await db.Targets.AsNoTracking().Where(t => t.Id == targetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        return $"{newest?.Id}|{newest?.State}|{newest?.UpdatedAt.UtcTicks}|{live}";
    }

    /// <summary>Versions, associations and invalidations of the simulated AWS behind the local target.</summary>
    public LocalTargetState LocalState() => LocalTargetState.Read(local, localOptions);

    /// <summary>Raised after every change to the local target.</summary>
    public event EventHandler? LocalChanged
    {
        add => local.Changed += value;
        remove => local.Changed -= value;
    }
}

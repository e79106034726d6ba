using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Plans;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>A deployment with its step log, the time its running step has left when it was read, and, for an emergency publish, its written reason.</summary>
public sealed record DeploymentView(Deployment Deployment, IReadOnlyList<DeploymentLogEntry> Log, TimeSpan? StepTimeLeft = null, string? EmergencyReason = null);

/// <summary>The deployments of a target (found through the audit trail, which names each one) and the local target's state.</summary>
public sealed class DeploymentHistory(PublishAudit audit, IDeploymentStore store, DeploymentPlans plans, LocalAws local, LocalTargetOptions localOptions, TimeProvider time)
{
    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<DeploymentView>> ListAsync(string targetId, int max = 20, CancellationToken cancellationToken = default)
    {
        var views = new List<DeploymentView>();
        foreach (var id in (await audit.DeploymentIdsAsync(targetId, cancellationToken)).Take(max))
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
                deployment is { IsFinished: false, StepDeadline: { } deadline } ? deadline - time.GetUtcNow() : null,
                (await plans.OfAsync(deploymentId, cancellationToken))?.EmergencyReason)
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

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>
/// The worker's last look before a deployment's first AWS write: when the plan it executes no longer holds (another
/// publish moved live while it was queued, the target's settings changed, the builder changed), the deployment fails
/// with the sentences saying why, and nothing at AWS is touched.
/// </summary>
public sealed class DeploymentPlanGate(DeploymentPlans plans, PublishPlanCheck check, IDeploymentStore store, TimeProvider time)
{
    /// <summary>The failed deployment when its plan no longer holds; null when it may run (or has run a step already).</summary>
    public async Task<Deployment?> RefuseIfBrokenAsync(Deployment deployment, CancellationToken cancellationToken)
    {
        if (deployment.LastFinishedStep is not null || await plans.OfAsync(deployment.Id, cancellationToken) is not { } recorded)
        {
            return null;
        }
        var broken = await check.CheckAsync(PublishPlan.FromJson(recorded.PlanJson), deployment.Id, cancellationToken);
        if (broken.Count == 0)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var message = $"Refused before any change at AWS: the approved plan no longer holds. {string.Join(" ", broken)}";
        var failed = deployment with { State = DeploymentState.Failed, Error = message, FinishedAt = now, UpdatedAt = now };
        await store.SaveAsync(failed, new DeploymentLogEntry(null, StepEvent.Failed, message, now), cancellationToken);
        return failed;
    }
}

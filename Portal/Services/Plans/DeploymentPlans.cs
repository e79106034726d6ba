using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>Where plans are kept: the one approved with a change set, and the one each deployment executes.</summary>
public sealed class DeploymentPlans(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The plan approved for publishing <paramref name="revision"/>, with its change set's emergency reason; null when it has none.</summary>
    public async Task<(PublishPlan Plan, ChangeSet ChangeSet)?> ApprovedForAsync(Revision revision, CancellationToken cancellationToken)
    {
        if (revision.ChangeSetId is not { } changeSetId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changeSet = await db.ChangeSets.AsNoTracking().FirstOrDefaultAsync(c => c.Id == changeSetId, cancellationToken);
        // A rebase makes a new revision: a plan approved for another one of the change set's revisions is not this one's.
        return changeSet?.ApprovedPlanJson is { } json && PublishPlan.FromJson(json) is { } plan && plan.RevisionId == revision.Id
            ? (plan, changeSet)
            : null;
    }

    public async Task RecordAsync(string deploymentId, PublishPlan plan, long? changeSetId, string? emergencyReason, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.DeploymentPlans.Add(new DeploymentPlan { DeploymentId = deploymentId, ChangeSetId = changeSetId, PlanJson = plan.ToJson(), EmergencyReason = emergencyReason });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The plan a deployment executes; null for one recorded before plans were kept.</summary>
    public async Task<DeploymentPlan?> OfAsync(string deploymentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeploymentPlans.AsNoTracking().FirstOrDefaultAsync(p => p.DeploymentId == deploymentId, cancellationToken);
    }

    /// <summary>The written reason of each emergency publish among <paramref name="deploymentIds"/>, by deployment id.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EmergencyReasonsAsync(IReadOnlyCollection<string> deploymentIds, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.DeploymentPlans.AsNoTracking()
            .Where(p => deploymentIds.Contains(p.DeploymentId) && p.EmergencyReason != null)
            .ToDictionaryAsync(p => p.DeploymentId, p => p.EmergencyReason!, cancellationToken);
    }
}

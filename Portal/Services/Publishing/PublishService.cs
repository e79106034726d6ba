using System.Security.Claims;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Lifecycle;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Plans;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;
using EdgePortal.Rules.Lint;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Turns "publish revision R to target T" into a deployment: executes the publish plan approved for it (or, for a
/// revision that never went through review, one made now: <see cref="PublishPlanner"/>), records and queues it; and resumes the wait of a deployment
/// left unconfirmed. Only Approvers and Admins may.
/// </summary>
public sealed class PublishService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PublishPlanner planner,
    DeploymentPlans plans,
    Publisher publisher,
    IDeploymentStore store,
    LocalTargetOptions localOptions,
    PublishAudit audit,
    PublishQueue queue,
    AwsEndpointsOptions endpoints)
{
    public static bool MayPublish(ClaimsPrincipal user) => user.IsAtLeast(PortalRoles.Approver);

    /// <summary>The plan and kind of a publish, without doing anything; null when the revision is not the target's.</summary>
    public async Task<PublishPreview?> PreviewAsync(string targetId, long revisionId, CancellationToken cancellationToken = default)
    {
        var (target, revision) = await LoadAsync(targetId, revisionId, cancellationToken);
        if (target is null || revision is null)
        {
            return null;
        }
        var (plan, geo) = await planner.InvalidationAsync(target, DocumentCodec.ReadStored(revision.DocumentJson), null, cancellationToken);
        return new PublishPreview(Projections.ToRevisionSummary(revision), await KindAsync(target, revision, cancellationToken), plan, geo);
    }

    /// <summary>
    /// Executes the plan approved for the revision, or refuses with a sentence for each part of it that no longer holds.
    /// A revision that never went through review (the first one, say) is published on a plan made now.
    /// </summary>
    public async Task<PublishResult> StartPublishAsync(ClaimsPrincipal user, string targetId, long revisionId, CancellationToken cancellationToken = default)
    {
        if (!MayPublish(user))
        {
            return new PublishResult.Forbidden(
                $"Publishing needs the Approver or Admin role; you are {user.HighestRole() ?? "signed out"}.");
        }
        var actor = Actor.From(user);
        var (target, revision) = await LoadAsync(targetId, revisionId, cancellationToken);
        if (target is null)
        {
            return new PublishResult.Refused($"There is no target '{targetId}'.");
        }
        if (revision is null)
        {
            return new PublishResult.Refused($"Revision {revisionId} does not belong to target '{targetId}'.");
        }
        if (target.RetiredAt is not null)
        {
            return new PublishResult.Refused($"Target '{targetId}' is retired; it is kept for history and takes no publishes.");
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // Staging before production: checked here, before anything is built or recorded.
            if (await RequiredTargetCheck.RefuseAsync(db, store, target, revision, cancellationToken) is { } notStaged)
            {
                return new PublishResult.Refused(notStaged);
            }
        }
        var current = await planner.PlanAsync(revision, null, cancellationToken);
        var approved = await plans.ApprovedForAsync(revision, cancellationToken);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // A change set taken back after its approval is not published, whatever its plan says.
            if (current.Plan.Kind == PublishKind.Publish && await PublishGate.RefuseAsync(db, user, revision, cancellationToken) is { } notApproved)
            {
                return new PublishResult.Refused(notApproved);
            }
            if (approved is { } stored && PublishPlanCheck.Compare(stored.Plan, current.Plan) is { Count: > 0 } broken)
            {
                return new PublishResult.Refused($"Publishing refused: the approved plan no longer holds. {string.Join(" ", broken)}");
            }
            // Without an approved plan, the stale base is what says what to do. (Publishing the live revision again,
            // to undo an unconfirmed deployment, is no stale base.)
            if (approved is null && current.Plan.Kind == PublishKind.Publish && revision.Id != target.LiveRevisionId
                && await StaleBase.RefusePublishAsync(db, revision, target.LiveRevisionId, cancellationToken) is { } stale)
            {
                return new PublishResult.Refused(stale);
            }
        }
        if (approved is null && current.Plan.Kind == PublishKind.Rollback)
        {
            return new PublishResult.Refused(
                $"Revision #{revision.Number} was live before; going back to it is a change set that goes through review: use \"{RollbackChangeSets.Title(revision.Number)}\" on the publishing page.");
        }
        var plan = approved?.Plan ?? current.Plan;
        EdgePortal.Edge.Publishing.Target described;
        try
        {
            described = TargetSettings.Describe(target, localOptions, endpoints.ToTargetEndpoints());
        }
        catch (InvalidOperationException incomplete)
        {
            return new PublishResult.Refused(incomplete.Message);
        }
        var request = new PublishRequest
        {
            Target = described,
            RevisionId = current.Build.RevisionId,
            RequestedBy = actor.Name,
            Kind = plan.Kind,
            // The check above holds: these bytes have the plan's CodeSha256.
            PackageZip = current.Build.Zip,
            CodeSha256 = plan.CodeSha256,
            InvalidationPaths = [.. plan.InvalidationPaths.Select(p => p.Path)],
            GeoRestriction = plan.Distribution.GeoRestriction,
            CacheKeyNeeds = CacheKeyNeeds.Of(DocumentCodec.ReadStored(revision.DocumentJson)),
        };
        Deployment deployment;
        try
        {
            deployment = await publisher.CreateAsync(request, cancellationToken);
        }
        catch (ArgumentException invalid)
        {
            // e.g. more invalidation paths than the target allows: nothing was recorded.
            return new PublishResult.Refused(invalid.Message);
        }
        var emergency = approved?.ChangeSet.EmergencyReason;
        await plans.RecordAsync(deployment.Id, plan, revision.ChangeSetId, emergency, cancellationToken);
        var action = plan.Kind == PublishKind.Rollback ? AuditActions.RollbackRequested : AuditActions.PublishRequested;
        await audit.WriteAsync(actor.Name, action, target.Id, deployment.Id,
            new PublishAuditDetails(revision.Id, revision.Number, plan.Kind.ToString(), EmergencyReason: emergency), cancellationToken);
        queue.Enqueue(deployment.Id);
        return new PublishResult.Queued(deployment.Id, plan.Kind);
    }

    /// <summary>
    /// CloudFront's restriction when the distribution enforces geo; lifted when a document the edge may be serving
    /// had it enforced there and this one does not; otherwise left alone.
    /// </summary>
    public static GeoRestrictionSetting? GeoRestriction(IEnumerable<RulesDocument> served, RulesDocument document)
    {
        var geo = document.EffectiveGeo;
        if (geo.EnforcedByDistribution)
        {
            return new GeoRestrictionSetting(geo.EffectiveMode == GeoMode.Allow ? "whitelist" : "blacklist", [.. geo.Countries]);
        }
        return served.Any(d => d.EffectiveGeo.EnforcedByDistribution) ? GeoRestrictionSetting.None : null;
    }

    /// <summary>
    /// "Resume the wait" of a deployment whose association was written but whose deployment was not confirmed:
    /// queues it to run again from the wait for Deployed. Refused when a later deployment to the target has
    /// associated (or may yet associate) another revision: finishing this one would then mark the wrong revision live.
    /// </summary>
    public async Task<PublishResult> ResumeWaitAsync(ClaimsPrincipal user, string targetId, string deploymentId, CancellationToken cancellationToken = default)
    {
        if (!MayPublish(user))
        {
            return new PublishResult.Forbidden(
                $"Resuming a deployment needs the Approver or Admin role; you are {user.HighestRole() ?? "signed out"}.");
        }
        var deployments = await store.ListByTargetAsync(targetId, cancellationToken);
        var index = deployments.ToList().FindIndex(d => d.Id == deploymentId);
        if (index < 0)
        {
            return new PublishResult.Refused($"There is no deployment '{deploymentId}' to target '{targetId}'.");
        }
        var deployment = deployments[index];
        if (deployment is not { State: DeploymentState.Failed, DeploymentUnconfirmed: true })
        {
            return new PublishResult.Refused($"Deployment {deploymentId} is {deployment.StateText}, not waiting to be confirmed.");
        }
        if (deployments.Take(index).FirstOrDefault(d => !d.IsFinished || d.LastFinishedStep >= PublishStep.Associate) is { } later)
        {
            return new PublishResult.Refused(
                $"Deployment {later.Id} (revision {later.Request.RevisionId}) came later and {(later.IsFinished ? "associated" : "may associate")} its own version; publish again instead of resuming {deploymentId}.");
        }
        var actor = Actor.From(user);
        await publisher.RequeueAsync(deploymentId, $"{actor.Name} resumed the wait.", cancellationToken);
        var revisionId = long.Parse(deployment.Request.RevisionId, System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var number = await db.Revisions.Where(r => r.Id == revisionId).Select(r => r.Number).FirstOrDefaultAsync(cancellationToken);
            await audit.WriteAsync(actor.Name, AuditActions.PublishResumed, targetId, deploymentId,
                new PublishAuditDetails(revisionId, number, deployment.Request.Kind.ToString()), cancellationToken);
        }
        queue.Enqueue(deploymentId);
        return new PublishResult.Queued(deploymentId, deployment.Request.Kind);
    }

    /// <summary>A rollback when a deployment of the revision to the target succeeded before (the store says so, not the audit log).</summary>
    private async Task<PublishKind> KindAsync(Data.Target target, Revision revision, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PublishKinds.OfAsync(db, target, revision, cancellationToken);
    }

    private async Task<(Data.Target? Target, Revision? Revision)> LoadAsync(string targetId, long revisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.TargetId == targetId, cancellationToken);
        return (target, revision);
    }
}

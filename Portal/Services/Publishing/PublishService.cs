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
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;
using EdgePortal.Rules.Lint;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Turns "publish revision R to target T" into a deployment: builds the package, plans the invalidation
/// against every revision the edge may be serving (the live one, and any a deployment associated without
/// confirming it), decides the geo restriction, records and queues it; and resumes the wait of a deployment
/// left unconfirmed. Only Approvers and Admins may.
/// </summary>
public sealed class PublishService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IHandlerBuilder builder,
    Publisher publisher,
    IDeploymentStore store,
    ServedRevisions servedRevisions,
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
        var document = DocumentCodec.ReadStored(revision.DocumentJson);
        var served = await servedRevisions.ListAsync(target, cancellationToken);
        var servedDocuments = served.Select(s => DocumentCodec.ReadStored(s.Revision.DocumentJson)).ToList();
        if (target.LiveRevisionId is null)
        {
            // Nothing of ours was ever confirmed live: plan as for a first publish, whatever else may be out there.
            servedDocuments.Insert(0, RulesDocument.Empty);
        }
        var plan = InvalidationPlanner.Plan(servedDocuments, document, TargetSettings.Read(target).PlanningLimits());
        var notes = served.Where(s => s.Unconfirmed is not null).Select(s => s.Unconfirmed!.IsFinished
            ? $"Also planned against revision #{s.Revision.Number}: deployment {s.Unconfirmed.Id} associated it without confirming its deployment, so the edge may still serve it."
            : $"Also planned against revision #{s.Revision.Number}: deployment {s.Unconfirmed.Id} is still {s.Unconfirmed.State.ToString().ToLowerInvariant()}, so the edge may serve it by the time this publish runs.");
        var kind = await KindAsync(target, revision, cancellationToken);
        return new PublishPreview(Projections.ToRevisionSummary(revision), kind,
            plan with { Notes = [.. plan.Notes, .. notes] },
            GeoRestriction(servedDocuments, document));
    }

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
        var preview = (await PreviewAsync(targetId, revisionId, cancellationToken))!;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (preview.Kind == PublishKind.Publish && await StaleBase.RefusePublishAsync(db, revision, target.LiveRevisionId, cancellationToken) is { } stale)
            {
                return new PublishResult.Refused(stale);
            }
            if (preview.Kind == PublishKind.Publish && await PublishGate.RefuseAsync(db, user, revision, cancellationToken) is { } notApproved)
            {
                return new PublishResult.Refused(notApproved);
            }
        }
        var document = DocumentCodec.ReadStored(revision.DocumentJson);
        var build = builder.Build(document, revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), revision.Sha256);
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
            RevisionId = build.RevisionId,
            Kind = preview.Kind,
            PackageZip = build.Zip,
            CodeSha256 = build.CodeSha256,
            InvalidationPaths = [.. preview.Plan.Paths.Select(p => p.Path)],
            GeoRestriction = preview.GeoRestriction,
            CacheKeyNeeds = CacheKeyNeeds.Of(document),
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
        var action = preview.Kind == PublishKind.Rollback ? AuditActions.RollbackRequested : AuditActions.PublishRequested;
        await audit.WriteAsync(actor.Name, action, target.Id, deployment.Id,
            new PublishAuditDetails(revision.Id, revision.Number, preview.Kind.ToString()), cancellationToken);
        queue.Enqueue(deployment.Id);
        return new PublishResult.Queued(deployment.Id, preview.Kind);
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

    private async Task<PublishKind> KindAsync(Data.Target target, Revision revision, CancellationToken cancellationToken) =>
        target.LiveRevisionId != revision.Id && await audit.WasLiveAsync(target.Id, revision.Id, cancellationToken)
            ? PublishKind.Rollback
            : PublishKind.Publish;

    private async Task<(Data.Target? Target, Revision? Revision)> LoadAsync(string targetId, long revisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.TargetId == targetId, cancellationToken);
        return (target, revision);
    }
}

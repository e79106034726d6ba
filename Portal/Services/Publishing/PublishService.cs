using System.Security.Claims;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Approvals;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Turns "publish revision R to target T" into a deployment: builds the package, plans the invalidation
/// against what is live, decides the geo restriction, records and queues it. Only Approvers and Admins may.
/// </summary>
public sealed class PublishService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IHandlerBuilder builder,
    Publisher publisher,
    LocalTargetOptions localOptions,
    PublishAudit audit,
    PublishQueue queue)
{
    public static bool MayPublish(ClaimsPrincipal user) => user.IsAtLeast(PortalRoles.Approver);

    /// <summary>The plan and kind of a publish, without doing anything; null when the revision is not the target's.</summary>
    public async Task<PublishPreview?> PreviewAsync(string targetId, long revisionId, CancellationToken cancellationToken = default)
    {
        var (target, revision, live) = await LoadAsync(targetId, revisionId, cancellationToken);
        if (target is null || revision is null)
        {
            return null;
        }
        var document = DocumentCodec.ReadStored(revision.DocumentJson);
        var liveDocument = live is null ? RulesDocument.Empty : DocumentCodec.ReadStored(live.DocumentJson);
        var kind = await KindAsync(target, revision, cancellationToken);
        return new PublishPreview(Projections.ToRevisionSummary(revision), kind,
            InvalidationPlanner.Plan(liveDocument, document, TargetSettings.Read(target).PlanningLimits()),
            GeoRestriction(liveDocument, document));
    }

    public async Task<PublishResult> StartPublishAsync(ClaimsPrincipal user, string targetId, long revisionId, CancellationToken cancellationToken = default)
    {
        if (!MayPublish(user))
        {
            return new PublishResult.Forbidden(
                $"Publishing needs the Approver or Admin role; you are {user.HighestRole() ?? "signed out"}.");
        }
        var actor = Actor.From(user);
        var (target, revision, _) = await LoadAsync(targetId, revisionId, cancellationToken);
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
        }
        var build = builder.Build(DocumentCodec.ReadStored(revision.DocumentJson), revision.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), revision.Sha256);
        EdgePortal.Edge.Publishing.Target described;
        try
        {
            described = TargetSettings.Describe(target, localOptions);
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
        var action = preview.Kind == PublishKind.Rollback ? PublishAuditActions.RollbackRequested : PublishAuditActions.Requested;
        await audit.WriteAsync(actor.Name, action, target.Id, deployment.Id,
            new PublishAuditDetails(revision.Id, revision.Number, preview.Kind.ToString()), cancellationToken);
        queue.Enqueue(deployment.Id);
        return new PublishResult.Queued(deployment.Id, preview.Kind);
    }

    /// <summary>
    /// CloudFront's restriction when the distribution enforces geo; lifted when the live document had it
    /// enforced there and this one does not; otherwise left alone.
    /// </summary>
    public static GeoRestrictionSetting? GeoRestriction(RulesDocument live, RulesDocument document)
    {
        var geo = document.EffectiveGeo;
        if (geo.EnforcedByDistribution)
        {
            return new GeoRestrictionSetting(geo.EffectiveMode == GeoMode.Allow ? "whitelist" : "blacklist", [.. geo.Countries]);
        }
        return live.EffectiveGeo.EnforcedByDistribution ? GeoRestrictionSetting.None : null;
    }

    private async Task<PublishKind> KindAsync(Data.Target target, Revision revision, CancellationToken cancellationToken) =>
        target.LiveRevisionId != revision.Id && await audit.WasLiveAsync(target.Id, revision.Id, cancellationToken)
            ? PublishKind.Rollback
            : PublishKind.Publish;

    private async Task<(Data.Target? Target, Revision? Revision, Revision? Live)> LoadAsync(string targetId, long revisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.TargetId == targetId, cancellationToken);
        var live = target?.LiveRevisionId is { } liveId
            ? await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == liveId, cancellationToken)
            : null;
        return (target, revision, live);
    }
}

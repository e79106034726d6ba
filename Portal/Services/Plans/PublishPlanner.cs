using System.Globalization;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Plans;

/// <summary>A publish plan and the build it was made from (whose bytes the publish uploads).</summary>
public sealed record PlannedPublish(PublishPlan Plan, HandlerBuild Build, InvalidationPlan Invalidation);

/// <summary>
/// Makes the publish plan of a revision on its target, with the same builder, the same invalidation planning
/// (against every revision the edge may be serving) and the same target description the publisher uses, so that
/// what an approver approves is byte for byte what would be applied.
/// </summary>
public sealed class PublishPlanner(
    IDbContextFactory<PortalDbContext> dbFactory,
    IHandlerBuilder builder,
    ServedRevisions servedRevisions,
    LocalTargetOptions localOptions,
    AwsEndpointsOptions endpoints)
{
    /// <summary>
    /// The plan for publishing <paramref name="revision"/> (which need not be saved yet, but must have its id) to its target.
    /// <paramref name="exceptDeploymentId"/> is left out of what the edge may be serving: the deployment being checked itself.
    /// </summary>
    public async Task<PlannedPublish> PlanAsync(Revision revision, string? exceptDeploymentId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.Targets.AsNoTracking().FirstAsync(t => t.Id == revision.TargetId, cancellationToken);
        var document = DocumentCodec.ReadStored(revision.DocumentJson);
        var (invalidation, geo) = await InvalidationAsync(target, document, exceptDeploymentId, cancellationToken);
        var described = Describe(target);
        // Built for the target's triggers: a viewer target's package leaves out what would not fit in 1 MB.
        var build = builder.Build(document, revision.Id.ToString(CultureInfo.InvariantCulture), revision.Sha256, HandlerSizeLimit.For(described.EventTypes));
        var ids = new[] { revision.ParentRevisionId, target.LiveRevisionId }.OfType<long>().ToList();
        var numbers = await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, cancellationToken);
        var plan = new PublishPlan
        {
            TargetId = target.Id,
            RevisionId = revision.Id,
            RevisionNumber = revision.Number,
            DocumentSha256 = revision.Sha256,
            BaseRevisionId = revision.ParentRevisionId,
            BaseRevisionNumber = revision.ParentRevisionId is { } parent ? numbers.GetValueOrDefault(parent) : null,
            LiveRevisionId = target.LiveRevisionId,
            LiveRevisionNumber = target.LiveRevisionId is { } live ? numbers.GetValueOrDefault(live) : null,
            Kind = await PublishKinds.OfAsync(db, target, revision, cancellationToken),
            CodeSha256 = build.CodeSha256,
            PackageBytes = build.CompressedBytes,
            InvalidationPaths = [.. invalidation.Paths.Select(p => new PlanPath(p.Path, [.. p.Reasons]))],
            Coarsened = invalidation.Coarsened,
            Distribution = new DistributionChange([.. described.CacheBehaviors], [.. described.EventTypes], geo),
            Settings = TargetFingerprint.Of(described, TargetSettings.Read(target).QueryStringsInCacheKey),
        };
        return new PlannedPublish(plan, build, invalidation);
    }

    /// <summary>
    /// The invalidation a publish of <paramref name="document"/> needs, planned against every revision the edge may be
    /// serving (with a note for each that is not the live one), and the geo restriction to set.
    /// </summary>
    public async Task<(InvalidationPlan Plan, GeoRestrictionSetting? Geo)> InvalidationAsync(
        Data.Target target, RulesDocument document, string? exceptDeploymentId, CancellationToken cancellationToken)
    {
        var served = (await servedRevisions.ListAsync(target, cancellationToken)).Where(s => s.Unconfirmed is null || s.Unconfirmed.Id != exceptDeploymentId).ToList();
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
        return (plan with { Notes = [.. plan.Notes, .. notes] }, PublishService.GeoRestriction(servedDocuments, document));
    }

    /// <summary>The publisher's view of the target; an AWS target not fully set up yet is planned with what it has.</summary>
    private Edge.Publishing.Target Describe(Data.Target target)
    {
        try
        {
            return TargetSettings.Describe(target, localOptions, endpoints.ToTargetEndpoints());
        }
        catch (InvalidOperationException)
        {
            target.FunctionName ??= "(none)";
            target.DistributionId ??= "(none)";
            return TargetSettings.Describe(target, localOptions, endpoints.ToTargetEndpoints());
        }
    }
}

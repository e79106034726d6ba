using System.Security.Claims;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Targets;

/// <summary>A target that requires the change set's target and so can take its document once that target runs it.</summary>
public sealed record PromotionOffer(string TargetId, string DisplayName);

/// <summary>
/// "Promote to production": once the required target (staging) runs a change set's document, the change set page
/// offers to start the same document on each target that requires it, as a submitted change set based on that
/// target's live revision (or its newest, before a first publish). Approval and publishing there are as usual.
/// </summary>
public sealed class PromotionService(IDbContextFactory<PortalDbContext> dbFactory, IDeploymentStore store, IChangeSetService changeSets) : IPromotionService
{
    public async Task<IReadOnlyList<PromotionOffer>> OffersAsync(long changeSetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await RunningRevisionAsync(db, changeSetId, cancellationToken);
        if (running is null)
        {
            return [];
        }
        return await db.Targets.AsNoTracking()
            .Where(t => t.RequiredTargetId == running.TargetId && t.RetiredAt == null)
            .OrderBy(t => t.Id).Select(t => new PromotionOffer(t.Id, t.DisplayName)).ToListAsync(cancellationToken);
    }

    public async Task<ChangeSetResult> PromoteAsync(ClaimsPrincipal user, long changeSetId, string targetId, CancellationToken cancellationToken = default)
    {
        Revision? running;
        long baseRevisionId;
        string title;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            running = await RunningRevisionAsync(db, changeSetId, cancellationToken);
            var target = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId && t.RetiredAt == null, cancellationToken);
            if (running is null || target is null || target.RequiredTargetId != running.TargetId
                || !await RequiredTargetCheck.HasBeenLiveAsync(db, store, running.TargetId, running.Sha256, cancellationToken))
            {
                return new ChangeSetResult.NotFound($"Change set {changeSetId} cannot be promoted to '{targetId}': its document is not running on the target '{targetId}' requires.");
            }
            baseRevisionId = target.LiveRevisionId
                ?? await db.Revisions.Where(r => r.TargetId == targetId).OrderByDescending(r => r.Number).Select(r => r.Id).FirstAsync(cancellationToken);
            title = await db.ChangeSets.Where(c => c.Id == changeSetId).Select(c => c.Title).FirstAsync(cancellationToken);
        }
        var created = await changeSets.CreateDraftAsync(user, targetId, baseRevisionId, DocumentCodec.ReadStored(running.DocumentJson), cancellationToken);
        if (created is not ChangeSetResult.Saved saved)
        {
            return created;
        }
        var renamed = await changeSets.RenameAsync(user, saved.ChangeSet.Id, $"{title} (promoted from {running.TargetId})", saved.ChangeSet.Version, cancellationToken);
        return renamed is ChangeSetResult.Saved named
            ? await changeSets.SubmitAsync(user, named.ChangeSet.Id, named.ChangeSet.Version, named.ChangeSet.Summary.Title,
                $"Promotes the document that runs on {running.TargetId} (revision #{running.Number}) to this target.", cancellationToken)
            : renamed;
    }

    /// <summary>The change set's revision when it is what its target runs now; null otherwise.</summary>
    private static Task<Revision?> RunningRevisionAsync(PortalDbContext db, long changeSetId, CancellationToken cancellationToken) =>
        db.Targets.AsNoTracking()
            .Join(db.Revisions, t => t.LiveRevisionId, r => (long?)r.Id, (_, r) => r)
            .FirstOrDefaultAsync(r => r.ChangeSetId == changeSetId, cancellationToken);
}

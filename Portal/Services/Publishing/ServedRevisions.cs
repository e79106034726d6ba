using System.Globalization;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>A revision the edge may be serving, and the deployment that put it (or may yet put it) there unconfirmed; null for the live one.</summary>
public sealed record ServedRevision(Revision Revision, Deployment? Unconfirmed);

/// <summary>
/// What the edge of a target may be serving. The live revision is only the last confirmed one: a deployment whose
/// association was written but whose deployment was never confirmed (and one queued or running, which may write
/// its association before the next publish runs) may have put another revision out there. Invalidation is planned
/// against all of them, so no changed path is missed, until a publish to the target succeeds.
/// </summary>
public sealed class ServedRevisions(IDbContextFactory<PortalDbContext> dbFactory, IDeploymentStore store)
{
    /// <summary>The live revision (if any) first, then each revision the edge may also serve, newest deployment first.</summary>
    public async Task<IReadOnlyList<ServedRevision>> ListAsync(Data.Target target, CancellationToken cancellationToken)
    {
        var unconfirmed = MayServe(await store.ListByTargetAsync(target.Id, cancellationToken));
        var ids = unconfirmed.Select(d => long.Parse(d.Request.RevisionId, CultureInfo.InvariantCulture)).ToList();
        if (target.LiveRevisionId is { } liveId)
        {
            ids.Insert(0, liveId);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revisions = await db.Revisions.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var served = new List<ServedRevision>();
        if (target.LiveRevisionId is { } live && revisions.TryGetValue(live, out var liveRevision))
        {
            served.Add(new ServedRevision(liveRevision, null));
        }
        foreach (var deployment in unconfirmed)
        {
            if (revisions.TryGetValue(long.Parse(deployment.Request.RevisionId, CultureInfo.InvariantCulture), out var revision))
            {
                served.Add(new ServedRevision(revision, deployment));
            }
        }
        return served;
    }

    /// <summary>
    /// Of a target's deployments (newest first), those since its last success whose revision the edge may be serving:
    /// associated but not confirmed, or not finished yet.
    /// </summary>
    public static IReadOnlyList<Deployment> MayServe(IReadOnlyList<Deployment> newestFirst) =>
        [.. newestFirst.TakeWhile(d => d.State != DeploymentState.Succeeded).Where(d => d.DeploymentUnconfirmed || !d.IsFinished)];
}

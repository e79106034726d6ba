using System.Globalization;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Staging before production: a target with a <see cref="Data.Target.RequiredTargetId"/> takes only a document (by its
/// SHA-256) that has been live on the required target: its live revision now, or a revision a succeeded deployment
/// put there. It reads what the targets run and their deployments, never the audit log.
/// </summary>
public static class RequiredTargetCheck
{
    /// <summary>True when the required target runs, or has run, a document with <paramref name="sha256"/>.</summary>
    public static async Task<bool> HasBeenLiveAsync(PortalDbContext db, IDeploymentStore store, string requiredTargetId, string sha256, CancellationToken cancellationToken)
    {
        var liveSha = await db.Targets.Where(t => t.Id == requiredTargetId)
            .Join(db.Revisions, t => t.LiveRevisionId, r => (long?)r.Id, (_, r) => r.Sha256)
            .FirstOrDefaultAsync(cancellationToken);
        if (liveSha == sha256)
        {
            return true;
        }
        var deployed = (await store.ListByTargetAsync(requiredTargetId, cancellationToken))
            .Where(d => d.State == DeploymentState.Succeeded)
            .Select(d => long.TryParse(d.Request.RevisionId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)
            .ToList();
        return deployed.Count > 0 && await db.Revisions.AnyAsync(r => r.TargetId == requiredTargetId && deployed.Contains(r.Id) && r.Sha256 == sha256, cancellationToken);
    }

    /// <summary>Null when <paramref name="revision"/> may go to <paramref name="target"/>; otherwise the sentence that refuses it.</summary>
    public static async Task<string?> RefuseAsync(PortalDbContext db, IDeploymentStore store, Data.Target target, Revision revision, CancellationToken cancellationToken)
    {
        if (target.RequiredTargetId is not { } requiredId || await HasBeenLiveAsync(db, store, requiredId, revision.Sha256, cancellationToken))
        {
            return null;
        }
        return $"{target.Id} requires {requiredId} first: revision #{revision.Number}'s document (SHA-256 {revision.Sha256[..12]}…) has never been live on {requiredId}. Publish it there, then promote it to {target.Id}.";
    }
}

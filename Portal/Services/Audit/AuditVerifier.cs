using System.Globalization;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Walks the chain in id order, in batches, and stops at the first event that does not fit: a seal that
/// does not match under its key, a broken link, a missing id, a key change that no rotation event
/// records. Then it holds the chain against every valid checkpoint, which is what notices the newest
/// events being deleted or the whole chain being rewritten.
/// </summary>
public sealed class AuditVerifier(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit, AuditKeys keys, AuditCheckpoints checkpoints)
{
    private const int BatchSize = 2000;

    /// <summary>Verifies the whole history and records that <paramref name="actor"/> did (<c>audit.verified</c>).</summary>
    public async Task<AuditVerification> VerifyAsync(string actor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await WalkAsync(db, cancellationToken);
        audit.Add(db, actor, AuditActions.AuditVerified, null, "audit", new { result.Intact, result.Checked, result.BrokenEventId, result.BrokenAction });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<AuditVerification> WalkAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var stored = checkpoints.ReadAll();
        var valid = stored.Where(s => s.Checkpoint is not null).Select(s => s.Checkpoint!).ToList();
        var walk = new AuditChainWalk(keys.Seal, valid);
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(e => e.Id > walk.LastId).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }
            foreach (var e in batch)
            {
                if (walk.Check(e) is { } broken)
                {
                    return broken;
                }
            }
        }
        var handedOut = await AuditChain.HandedOutIdAsync(db, cancellationToken);
        if (walk.End(handedOut) is { } truncated)
        {
            return truncated;
        }
        var notes = walk.Notes();
        if (stored.FirstOrDefault(s => s.Problem is not null) is { } bad)
        {
            return new AuditVerification(false, walk.Count, null, null,
                $"The checkpoint in {bad.File}, line {bad.Line.ToString(CultureInfo.InvariantCulture)}, cannot be trusted: {bad.Problem}. The chain itself is intact ({walk.Count} events).", notes);
        }
        return new AuditVerification(true, walk.Count, null, null, $"{walk.Count} events, chain intact.", notes);
    }
}

using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>Walks the chain in id order, in batches, and stops at the first event that does not fit.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(PortalDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        var previousHash = "";
        long previousId = 0;
        var count = 0;
        while (true)
        {
            var batch = await db.AuditEvents.AsNoTracking().Where(e => e.Id > previousId).OrderBy(e => e.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditVerification(true, count, null, $"{count} events, chain intact.");
            }
            foreach (var e in batch)
            {
                if (e.PreviousHash != previousHash)
                {
                    return Broken(count, e.Id, previousId == 0
                        ? "it is the first event but names a previous hash: events before it were removed."
                        : $"its previous hash does not match event {previousId}: an event between them was removed or inserted, or event {previousId} was changed.");
                }
                if (AuditChain.Hash(e) != e.Hash)
                {
                    return Broken(count, e.Id, "its fields do not match its hash: it was changed after it was written.");
                }
                previousHash = e.Hash;
                previousId = e.Id;
                count++;
            }
        }
    }

    private static AuditVerification Broken(int checkedBefore, long id, string what) =>
        new(false, checkedBefore, id, $"Event {id} breaks the chain: {what} The {checkedBefore} events before it are intact.");
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// What links audit events: a JSON array of the event's fields in a fixed order, ending with the previous
/// event's seal, sealed by HMAC-SHA256 under a key the database does not hold. A JSON array is unambiguous
/// (no field can run into the next) and the time is taken as UTC ticks, exactly what the database stores.
/// Events written before sealing began carry the unkeyed SHA-256 of the same array without the key id;
/// that form is kept only to verify them.
/// </summary>
public static class AuditChain
{
    public static string Canonical(AuditEvent e) => e.SealKeyId is null
        ? JsonSerializer.Serialize(new object?[] { e.Id, e.Time.UtcTicks, e.Actor, e.Action, e.TargetId, e.Subject, e.DetailsJson, e.PreviousSeal })
        : JsonSerializer.Serialize(new object?[] { e.Id, e.Time.UtcTicks, e.Actor, e.Action, e.TargetId, e.Subject, e.DetailsJson, e.SealKeyId, e.PreviousSeal });

    /// <summary>The seal an unkeyed (pre-sealing) event should carry.</summary>
    public static string UnkeyedHash(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>
    /// The highest id SQLite ever handed out for an audit event (<c>sqlite_sequence</c>, kept by AUTOINCREMENT),
    /// which stays when the newest rows are deleted; MAX(Id) does not.
    /// </summary>
    public static Task<long> HandedOutIdAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQueryRaw<long>("SELECT COALESCE(MAX(\"seq\"), 0) AS \"Value\" FROM \"sqlite_sequence\" WHERE \"name\" = 'AuditEvents'")
            .SingleAsync(cancellationToken);

    /// <summary>Numbers new events after <paramref name="lastId"/> and seals each onto the one before, in the order given.</summary>
    public static void Seal(IEnumerable<AuditEvent> added, long lastId, string lastSeal, AuditKey key)
    {
        foreach (var e in added)
        {
            e.Id = ++lastId;
            e.SealKeyId = key.Id;
            e.PreviousSeal = lastSeal;
            e.Seal = key.Mac(Canonical(e));
            lastSeal = e.Seal;
        }
    }
}

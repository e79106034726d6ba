using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// The hash that links audit events: SHA-256 over a JSON array of the event's fields, in a fixed order,
/// ending with the previous event's hash. A JSON array is unambiguous (no field can run into the next),
/// and the time is taken as UTC ticks, exactly what the database stores.
/// </summary>
public static class AuditChain
{
    public static string Canonical(AuditEvent e) => JsonSerializer.Serialize(new object?[]
    {
        e.Id, e.Time.UtcTicks, e.Actor, e.Action, e.TargetId, e.Subject, e.DetailsJson, e.PreviousHash,
    });

    public static string Hash(AuditEvent e) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(e))));

    /// <summary>Numbers and links new events after the last stored one (id and hash), in the order they were added.</summary>
    public static void Seal(IEnumerable<AuditEvent> added, long lastId, string lastHash)
    {
        foreach (var e in added)
        {
            e.Id = ++lastId;
            e.PreviousHash = lastHash;
            e.Hash = Hash(e);
            lastHash = e.Hash;
        }
    }
}

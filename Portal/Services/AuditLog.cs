using System.Text.Json;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services;

/// <summary>Writes audit events, in the same transaction as the change they describe when given a context.</summary>
public sealed class AuditLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an event to <paramref name="db"/>; it is stored by the caller's SaveChanges.</summary>
    public AuditEvent Add(PortalDbContext db, string actor, string action, string? targetId, string? subject, object? details = null)
    {
        var auditEvent = new AuditEvent
        {
            Time = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            TargetId = targetId,
            Subject = subject,
            DetailsJson = details is null ? "{}" : JsonSerializer.Serialize(details, _json),
        };
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }
}

using System.Text.Json;
using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Writes audit events, in the same transaction as the change they describe when given a context.
/// Every field is bounded (<see cref="AuditText"/>): much of what is recorded came from a request.
/// </summary>
public sealed class AuditLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an event to <paramref name="db"/>; it is stored (and sealed) by the caller's SaveChanges.</summary>
    public AuditEvent Add(PortalDbContext db, string actor, string action, string? targetId, string? subject, object? details = null)
    {
        var auditEvent = new AuditEvent
        {
            Time = time.GetUtcNow(),
            Actor = AuditText.Bound(actor, AuditText.MaxName),
            Action = action,
            TargetId = targetId is null ? null : AuditText.Bound(targetId, AuditText.MaxTargetId),
            Subject = subject is null ? null : AuditText.Bound(subject, AuditText.MaxName),
            DetailsJson = details is null ? "{}" : AuditText.BoundDetails(JsonSerializer.Serialize(details, _json)),
        };
        db.AuditEvents.Add(auditEvent);
        return auditEvent;
    }
}

using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>The particulars every publishing audit event carries.</summary>
public sealed record PublishAuditDetails(long RevisionId, int RevisionNumber, string Kind, string? Version = null, string? Error = null, string? EmergencyReason = null);

/// <summary>Writes publishing's audit events. Nothing reads them back as state: deployments and what is live are in the deployment store.</summary>
public sealed class PublishAudit(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit)
{
    /// <summary>The subject of every publishing audit event (actions: <see cref="AuditActions"/>, <c>publish.*</c>).</summary>
    public static string Subject(string deploymentId) => $"deployment/{deploymentId}";

    public async Task WriteAsync(string actor, string action, string targetId, string deploymentId, PublishAuditDetails details, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actor, action, targetId, Subject(deploymentId), details);
        await db.SaveChangesAsync(cancellationToken);
    }
}

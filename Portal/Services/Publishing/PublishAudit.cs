using System.Text.Json;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>The particulars every publishing audit event carries.</summary>
public sealed record PublishAuditDetails(long RevisionId, int RevisionNumber, string Kind, string? Version = null, string? Error = null, string? EmergencyReason = null);

/// <summary>Reads and writes publishing's audit events.</summary>
public sealed class PublishAudit(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit)
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>The subject of every publishing audit event (actions: <see cref="AuditActions"/>, <c>publish.*</c>).</summary>
    public static string Subject(string deploymentId) => $"deployment/{deploymentId}";

    public async Task WriteAsync(string actor, string action, string targetId, string deploymentId, PublishAuditDetails details, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actor, action, targetId, Subject(deploymentId), details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Ids of the deployments requested for a target, newest first.</summary>
    public async Task<IReadOnlyList<string>> DeploymentIdsAsync(string targetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subjects = await db.AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == targetId && (e.Action == AuditActions.PublishRequested || e.Action == AuditActions.RollbackRequested))
            .OrderByDescending(e => e.Id).Select(e => e.Subject!).ToListAsync(cancellationToken);
        return [.. subjects.Select(s => s["deployment/".Length..])];
    }

    /// <summary>True when a publish of the revision to the target has succeeded before.</summary>
    public async Task<bool> WasLiveAsync(string targetId, long revisionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var details = await db.AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == targetId && e.Action == AuditActions.PublishSucceeded)
            .Select(e => e.DetailsJson).ToListAsync(cancellationToken);
        return details.Any(d => JsonSerializer.Deserialize<PublishAuditDetails>(d, _json)?.RevisionId == revisionId);
    }
}

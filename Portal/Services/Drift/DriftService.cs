using System.Security.Claims;
using EdgePortal.Edge.Drift;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Drift;

/// <summary>
/// Checks a target's distribution against what the portal last published there (the latest succeeded deployment in
/// <see cref="IDeploymentStore"/>), keeps the report for the pages, and records drift appearing, changing and clearing
/// as audit events. It only reads AWS, so anyone signed in may run it.
/// </summary>
public sealed class DriftService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IDeploymentStore store,
    TargetConnections connections,
    DriftReports reports,
    AuditLog audit,
    TimeProvider time)
{
    public static bool MayCheck(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>Checks every target (the overview's button), or with <paramref name="awsOnly"/> the AWS ones (the periodic run).</summary>
    public async Task<IReadOnlyList<DriftReport>> CheckAllAsync(Actor actor, bool awsOnly, CancellationToken cancellationToken = default)
    {
        List<string> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.Targets.AsNoTracking().Where(t => !awsOnly || t.Kind == EdgePortal.Edge.Publishing.TargetKind.Aws)
                .OrderBy(t => t.Id).Select(t => t.Id).ToListAsync(cancellationToken);
        }
        var checkedReports = new List<DriftReport>();
        foreach (var id in ids)
        {
            checkedReports.Add(await CheckAsync(actor, id, cancellationToken));
        }
        return checkedReports;
    }

    public Task<IReadOnlyList<DriftReport>> CheckAllAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        MayCheck(user) ? CheckAllAsync(Actor.From(user), awsOnly: false, cancellationToken) : Task.FromResult<IReadOnlyList<DriftReport>>([]);

    public async Task<DriftReport> CheckAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default) =>
        MayCheck(user)
            ? await CheckAsync(Actor.From(user), targetId, cancellationToken)
            : new DriftReport(targetId, [], "Sign in to check a target for drift.", time.GetUtcNow(), null);

    public async Task<DriftReport> CheckAsync(Actor actor, string targetId, CancellationToken cancellationToken = default)
    {
        var report = await RunAsync(targetId, cancellationToken);
        var previous = reports.Put(report);
        await AuditAsync(actor, previous, report, cancellationToken);
        return report;
    }

    private async Task<DriftReport> RunAsync(string targetId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            if (await connections.ConnectAsync(targetId, cancellationToken) is not { } connection)
            {
                return new DriftReport(targetId, [], $"There is no target '{targetId}'.", now, null);
            }
            var published = PublishedState.Latest(await store.ListByTargetAsync(targetId, cancellationToken));
            if (published is null)
            {
                return new DriftReport(targetId, [], $"Nothing has been published to {targetId} through the portal yet; there is nothing to compare with.", now, null);
            }
            var result = await DriftCheck.RunAsync(connection.Target, connection.Clients, published, connections.Reads(), cancellationToken);
            return new DriftReport(targetId, result.Differences, result.Failure, time.GetUtcNow(), published.DeploymentId);
        }
        catch (Exception error) when (error is InvalidOperationException or PublishFailedException or Amazon.Runtime.AmazonClientException)
        {
            // An incomplete target or no credentials: nothing was learned about the distribution.
            return new DriftReport(targetId, [], $"Could not check {targetId} for drift: {error.Message}", time.GetUtcNow(), null);
        }
    }

    /// <summary>Drift appearing (or its sentences changing) and drift clearing are audit events; a check that could not run is neither.</summary>
    private async Task AuditAsync(Actor actor, DriftReport? previous, DriftReport report, CancellationToken cancellationToken)
    {
        if (report.Failure is not null)
        {
            return;
        }
        var wasDrifting = previous is { HasDrift: true };
        string? action = report.HasDrift
            ? (wasDrifting && previous!.Differences.SequenceEqual(report.Differences) ? null : AuditActions.DriftDetected)
            : (wasDrifting ? AuditActions.DriftCleared : null);
        if (action is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actor.Name, action, report.TargetId, $"target/{report.TargetId}",
            new { report.Differences, deployment = report.PublishedDeploymentId });
        await db.SaveChangesAsync(cancellationToken);
    }
}

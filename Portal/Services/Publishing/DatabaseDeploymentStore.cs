using System.Text.Json;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Deployments, their step times and log lines, the per-target publish lock and what each target runs now, in the
/// portal's database (docs/publishing.md, "The store"). Every save is one transaction, so several portal processes
/// may share the database file.
/// </summary>
public sealed class DatabaseDeploymentStore(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, PublishLockLease lease) : IDeploymentStore
{
    public async Task<Deployment> CreateAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var deployment = new Deployment { Id = DeploymentIds.New(now), Request = request, CreatedAt = now, UpdatedAt = now };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Deployments.Add(ToRow(deployment));
        await db.SaveChangesAsync(cancellationToken);
        return deployment;
    }

    public async Task<Deployment?> LoadAsync(string deploymentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.Deployments.AsNoTracking().Where(d => d.Id == deploymentId).Select(d => d.DeploymentJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : Read(json);
    }

    public async Task SaveAsync(Deployment deployment, DeploymentLogEntry entry, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Deployments.FirstOrDefaultAsync(d => d.Id == deployment.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Deployment '{deployment.Id}' was never created in this database.");
        Copy(deployment, row);
        await AppendAsync(db, deployment.Id, entry, cancellationToken);
        if (deployment.State == DeploymentState.Succeeded)
        {
            await RecordLiveAsync(db, deployment, cancellationToken);
            // The target's live revision moves with the success, in the same transaction: a page that sees Succeeded sees it live.
            if (long.TryParse(deployment.Request.RevisionId, System.Globalization.CultureInfo.InvariantCulture, out var revisionId))
            {
                await db.Targets.Where(t => t.Id == deployment.TargetId)
                    .ExecuteUpdateAsync(t => t.SetProperty(x => x.LiveRevisionId, (long?)revisionId), cancellationToken);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        // The holder is alive: its lease runs until its step's deadline, and a while after.
        var expires = lease.ExpiryFor(deployment, time.GetUtcNow()).UtcTicks;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "PublishLocks" SET "ExpiresAt" = {expires} WHERE "TargetId" = {deployment.TargetId} AND "DeploymentId" = {deployment.Id}""", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeploymentLogEntry>> LoadLogAsync(string deploymentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await db.DeploymentLogLines.AsNoTracking().Where(l => l.DeploymentId == deploymentId).OrderBy(l => l.Id).ToListAsync(cancellationToken);
        return [.. lines.Select(l => new DeploymentLogEntry(l.Step, l.Event, l.Message, l.At))];
    }

    public async Task<IReadOnlyList<Deployment>> ListByTargetAsync(string targetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.Deployments.AsNoTracking().Where(d => d.TargetId == targetId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Select(d => d.DeploymentJson).ToListAsync(cancellationToken);
        return [.. json.Select(Read)];
    }

    public async Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var json = await db.Deployments.AsNoTracking().Where(d => d.State != DeploymentState.Succeeded && d.State != DeploymentState.Failed)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).Select(d => d.DeploymentJson).ToListAsync(cancellationToken);
        return [.. json.Select(Read)];
    }

    /// <summary>
    /// One statement inside one transaction: insert the row, or take it over when this deployment already holds it
    /// or the holder's lease ran out; then read who holds it. SQLite lets one writer at a time through, so of two
    /// processes asking at once exactly one gets it.
    /// </summary>
    public async Task<TargetLock> TryAcquireTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "PublishLocks" ("TargetId", "DeploymentId", "Owner", "TakenAt", "ExpiresAt")
            VALUES ({targetId}, {deploymentId}, {lease.Owner}, {now.UtcTicks}, {(now + lease.Duration).UtcTicks})
            ON CONFLICT ("TargetId") DO UPDATE SET "DeploymentId" = excluded."DeploymentId", "Owner" = excluded."Owner",
                "TakenAt" = excluded."TakenAt", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "PublishLocks"."DeploymentId" = excluded."DeploymentId" OR "PublishLocks"."ExpiresAt" <= {now.UtcTicks}
            """, cancellationToken);
        var holder = await db.PublishLocks.AsNoTracking().Where(l => l.TargetId == targetId).Select(l => l.DeploymentId).FirstAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TargetLock(holder == deploymentId, holder);
    }

    public async Task ReleaseTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.PublishLocks.Where(l => l.TargetId == targetId && l.DeploymentId == deploymentId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Adds a deployment with its log as it is (the import of old files); false when its id is already stored.</summary>
    public async Task<bool> AddExistingAsync(Deployment deployment, IReadOnlyList<DeploymentLogEntry> log, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Deployments.AnyAsync(d => d.Id == deployment.Id, cancellationToken))
        {
            return false;
        }
        db.Deployments.Add(ToRow(deployment));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var entry in log)
        {
            await AppendAsync(db, deployment.Id, entry, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (deployment.State == DeploymentState.Succeeded
            && !await db.Deployments.AnyAsync(d => d.TargetId == deployment.TargetId && d.State == DeploymentState.Succeeded && d.CreatedAt > deployment.CreatedAt, cancellationToken))
        {
            await RecordLiveAsync(db, deployment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public static Deployment Read(string json) => JsonSerializer.Deserialize<Deployment>(json, DeploymentJson.Options)
        ?? throw new InvalidOperationException("A stored deployment reads as null.");

    private static StoredDeployment ToRow(Deployment deployment)
    {
        var row = new StoredDeployment { Id = deployment.Id, TargetId = deployment.TargetId, RevisionId = deployment.Request.RevisionId, DeploymentJson = "" };
        Copy(deployment, row);
        return row;
    }

    private static void Copy(Deployment deployment, StoredDeployment row)
    {
        row.Kind = deployment.Request.Kind;
        row.State = deployment.State;
        row.RequestedBy = deployment.Request.RequestedBy;
        row.CreatedAt = deployment.CreatedAt;
        row.UpdatedAt = deployment.UpdatedAt;
        row.FinishedAt = deployment.FinishedAt;
        row.DeploymentJson = JsonSerializer.Serialize(deployment, DeploymentJson.Options);
    }

    /// <summary>The log line, and the step's start or end that it tells of.</summary>
    private static async Task AppendAsync(PortalDbContext db, string deploymentId, DeploymentLogEntry entry, CancellationToken cancellationToken)
    {
        db.DeploymentLogLines.Add(new DeploymentLogLine { DeploymentId = deploymentId, Step = entry.Step, Event = entry.Event, Message = entry.Message, At = entry.At });
        await RecordStepTimeAsync(db, deploymentId, entry, cancellationToken);
    }

    private static async Task RecordStepTimeAsync(PortalDbContext db, string deploymentId, DeploymentLogEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Step is not { } step || entry.Event == StepEvent.Note)
        {
            return;
        }
        var time = db.DeploymentSteps.Local.FirstOrDefault(s => s.DeploymentId == deploymentId && s.Step == step)
            ?? await db.DeploymentSteps.FirstOrDefaultAsync(s => s.DeploymentId == deploymentId && s.Step == step, cancellationToken);
        if (time is null)
        {
            time = new DeploymentStepTime { DeploymentId = deploymentId, Step = step, StartedAt = entry.At };
            db.DeploymentSteps.Add(time);
        }
        if (entry.Event == StepEvent.Started)
        {
            // A resume starts the step again: it runs once more, so it has not ended.
            (time.EndedAt, time.Outcome) = (null, null);
        }
        else
        {
            (time.EndedAt, time.Outcome) = (entry.At, entry.Event);
        }
    }

    private static async Task RecordLiveAsync(PortalDbContext db, Deployment deployment, CancellationToken cancellationToken)
    {
        var live = await db.LiveDeployments.FirstOrDefaultAsync(l => l.TargetId == deployment.TargetId, cancellationToken);
        if (live is null)
        {
            live = new LiveDeployment { TargetId = deployment.TargetId, RevisionId = "", DeploymentId = "" };
            db.LiveDeployments.Add(live);
        }
        live.RevisionId = deployment.Request.RevisionId;
        live.VersionArn = deployment.VersionArn;
        live.DeploymentId = deployment.Id;
        live.Since = deployment.FinishedAt ?? deployment.UpdatedAt;
    }
}

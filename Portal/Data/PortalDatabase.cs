using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Data;

/// <summary>Brings the database file up to date: migrations, WAL mode, and what a fresh portal needs.</summary>
public sealed class PortalDatabase(IDbContextFactory<PortalDbContext> dbFactory, PortalPaths paths, TimeProvider time, ILogger<PortalDatabase> logger)
{
    public const string LocalTargetId = "local";

    /// <summary>Applies pending migrations (never EnsureCreated) and seeds the local target. Safe to run from several processes.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        paths.EnsureExists();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // WAL lets readers run while another process writes; the setting is stored in the file, so once is enough.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migration(s) to {File}: {Migrations}", pending.Count, paths.DatabaseFile, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        await SeedLocalTargetAsync(db, cancellationToken);
    }

    /// <summary>The <c>local</c> target with an empty live revision, so that a newcomer can start editing at once.</summary>
    private async Task SeedLocalTargetAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Targets.AnyAsync(t => t.Id == LocalTargetId, cancellationToken))
        {
            return;
        }
        var now = time.GetUtcNow();
        var json = Services.Documents.DocumentCodec.Write(Rules.Document.RulesDocument.Empty);
        var target = new Target { Id = LocalTargetId, DisplayName = "Local (simulated)", Kind = Edge.Publishing.TargetKind.Local, CreatedAt = now };
        var revision = new Revision
        {
            TargetId = LocalTargetId,
            Number = 1,
            DocumentJson = json,
            Sha256 = Services.Documents.DocumentCodec.Sha256(json),
            AuthorId = "system",
            AuthorName = "system",
            CreatedAt = now,
            Message = "Empty document: a fresh start changes nothing at the edge.",
        };
        db.Targets.Add(target);
        db.Revisions.Add(revision);
        db.AuditEvents.Add(new AuditEvent { Time = now, Actor = "system", Action = AuditActions.TargetCreated, TargetId = LocalTargetId, Subject = $"target/{LocalTargetId}" });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            target.LiveRevisionId = revision.Id;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Created the local target with an empty live revision");
        }
        catch (DbUpdateException)
        {
            // Another process may have seeded it at the same moment; theirs is as good as ours.
            db.ChangeTracker.Clear();
            if (!await db.Targets.AsNoTracking().AnyAsync(t => t.Id == LocalTargetId, cancellationToken))
            {
                throw;
            }
        }
    }
}

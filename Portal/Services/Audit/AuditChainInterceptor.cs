using System.Runtime.CompilerServices;
using System.Text.Json;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Seals every audit event as it is saved, whoever adds it (the audit log, the database seeding,
/// the account store). Reading the last seal and inserting happen in one transaction that holds
/// SQLite's write lock, so two processes appending at once still make one linear chain: the second
/// waits for the first to commit and then links to it. When the key in use is not the one that sealed
/// the newest event, an <see cref="AuditActions.AuditKeyRotated"/> event comes first, so every change
/// of key is itself in the chain.
/// </summary>
public sealed class AuditChainInterceptor(AuditKeys keys, TimeProvider time) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDbContextTransaction> _owned = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        SealAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await SealAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndAsync(eventData.Context, commit: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, commit: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false, cancellationToken);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        EndAsync(eventData.Context, commit: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, commit: false, cancellationToken);

    private async Task SealAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not PortalDbContext db)
        {
            return;
        }
        var added = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return;
        }
        if (db.Database.CurrentTransaction is null)
        {
            // Microsoft.Data.Sqlite begins with BEGIN IMMEDIATE: the write lock is ours from here on.
            _owned.AddOrUpdate(db, await db.Database.BeginTransactionAsync(cancellationToken));
        }
        else
        {
            // The caller's transaction may not have written yet; a write that changes nothing takes the lock.
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Id\" = \"Id\" WHERE 0", cancellationToken);
        }
        var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Seal, e.SealKeyId }).FirstOrDefaultAsync(cancellationToken);
        if (last?.SealKeyId is { } lastKeyId)
        {
            // Another process may have rotated: this reads the key file again when the id is new to it.
            keys.Seal.Find(lastKeyId);
        }
        var key = keys.Seal.Current;
        if (last?.SealKeyId != key.Id)
        {
            var rotated = new AuditEvent
            {
                Time = time.GetUtcNow(), Actor = "system", Action = AuditActions.AuditKeyRotated, Subject = "audit",
                DetailsJson = JsonSerializer.Serialize(new { from = last?.SealKeyId, to = key.Id }),
            };
            db.AuditEvents.Add(rotated);
            added.Insert(0, rotated);
        }
        // Never an id twice, even after the newest rows were deleted.
        var handedOut = await AuditChain.HandedOutIdAsync(db, cancellationToken);
        AuditChain.Seal(added, Math.Max(handedOut, last?.Id ?? 0), last?.Seal ?? "", key);
        AuditRuleIndex.Add(db, added);
    }

    private async Task EndAsync(DbContext? context, bool commit, CancellationToken cancellationToken)
    {
        if (context is null || !_owned.TryGetValue(context, out var transaction))
        {
            return;
        }
        _owned.Remove(context);
        if (commit)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        await transaction.DisposeAsync();
    }
}

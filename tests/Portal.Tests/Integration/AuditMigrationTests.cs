using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>A database from before sealing: its events keep their unkeyed chain, and sealing continues it.</summary>
public sealed class AuditMigrationTests
{
    private const int OldEvents = 3;

    [Fact]
    public async Task Verify_EventsFromBeforeSealing_IntactAndSaysTheyAreOnlyUnkeyed()
    {
        var directory = await OldDatabaseAsync();
        try
        {
            await using var factory = new PortalFactory { DataDirectory = directory };
            var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);

            var result = await AuditSealTests.VerifyAsync(factory, admin);
            var firstSealed = await factory.WithServicesAsync(s =>
                s.GetRequiredService<PortalDbContext>().AuditEvents.Where(e => e.SealKeyId != null).OrderBy(e => e.Id).FirstAsync());

            Assert.True(result.Intact, result.Message);
            Assert.Equal(OldEvents + 1, firstSealed.Id);
            Assert.Equal(AuditActions.AuditKeyRotated, firstSealed.Action);
            Assert.StartsWith($"Events #1 to #{OldEvents} were written before sealing began and are checked only as the old unkeyed SHA-256 chain", result.Notes[0], StringComparison.Ordinal);
            Assert.Contains($"Since event #{OldEvents + 1} every event is sealed", result.Notes[0], StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_OldEventRewrittenAfterSealingBegan_BreaksAtTheFirstSealedEvent()
    {
        var directory = await OldDatabaseAsync();
        try
        {
            await using var factory = new PortalFactory { DataDirectory = directory };
            var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);
            await using (var attacker = new AuditTampering(factory.DatabaseFile))
            {
                await attacker.ExecuteAsync("UPDATE AuditEvents SET DetailsJson = '{\"role\":\"Admin\"}' WHERE Id = 2");
                // Only the unkeyed part can be re-hashed without the key; the first sealed event still names the old hash.
                await attacker.RehashFromAsync(2, toId: OldEvents);
            }

            var result = await AuditSealTests.VerifyAsync(factory, admin);

            Assert.False(result.Intact);
            Assert.Equal(OldEvents + 1, result.BrokenEventId);
            Assert.Equal(AuditActions.AuditKeyRotated, result.BrokenAction);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>A data directory whose database stopped at AddAuditHashChain, with three hash-chained events in it.</summary>
    private static async Task<string> OldDatabaseAsync()
    {
        var directory = PortalFactory.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={Path.Combine(directory, PortalPaths.DatabaseFileName)};Pooling=False").Options;
        await using var db = new PortalDbContext(options);
        await db.GetService<IMigrator>().MigrateAsync("20261127052053_AddAuditHashChain");
        var previous = "";
        for (var id = 1; id <= OldEvents; id++)
        {
            var ticks = new DateTimeOffset(2026, 11, 27, 6, 0, id, TimeSpan.Zero).UtcTicks;
            var (actor, action, subject, details) = ("system", "user.added", $"user/u{id}@example.com", "{\"role\":\"Viewer\"}");
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                JsonSerializer.Serialize(new object?[] { id, ticks, actor, action, null, subject, details, previous }))));
            await db.Database.ExecuteSqlAsync($"INSERT INTO AuditEvents (Id, Time, Actor, Action, TargetId, Subject, DetailsJson, PreviousHash, Hash) VALUES ({id}, {ticks}, {actor}, {action}, NULL, {subject}, {details}, {previous}, {hash})");
            previous = hash;
        }
        return directory;
    }
}

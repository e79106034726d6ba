using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Documents;
using EdgePortal.Rules.Document;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class DatabaseStartupTests
{
    [Fact]
    public async Task Startup_FreshDataDirectory_AppliesEveryMigration()
    {
        await using var factory = new PortalFactory();
        _ = factory.Services;

        var (tables, pending) = await factory.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var names = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync();
            return (names, (await db.Database.GetPendingMigrationsAsync()).ToList());
        });

        Assert.True(File.Exists(factory.DatabaseFile));
        Assert.Empty(pending);
        foreach (var table in new[] { "Targets", "Revisions", "ChangeSets", "AuditEvents", "AspNetUsers", "AspNetRoles", "__EFMigrationsHistory" })
        {
            Assert.Contains(table, tables);
        }
    }

    [Fact]
    public async Task Model_ChangedWithoutMigration_IsCaught()
    {
        await using var factory = new PortalFactory();

        var pendingModelChanges = await factory.WithServicesAsync(s => Task.FromResult(s.GetRequiredService<PortalDbContext>().Database.HasPendingModelChanges()));

        Assert.False(pendingModelChanges, "The model differs from the last migration: run dotnet ef migrations add <Name> --project Portal --output-dir Data/Migrations");
    }

    [Fact]
    public async Task Startup_FreshDataDirectory_LocalTargetHasEmptyLiveRevision()
    {
        await using var factory = new PortalFactory();

        var live = await factory.WithServicesAsync(s => s.GetRequiredService<ITargetService>().GetLiveRevisionAsync("local"));

        Assert.NotNull(live);
        Assert.Equal(1, live.Summary.Number);
        Assert.Equal(RulesDocument.Empty, live.Document);
        Assert.Equal("{\n  \"schema\": \"edgeportal.rules/v1\"\n}\n", live.DocumentJson);
        Assert.Equal(DocumentCodec.Sha256(live.DocumentJson), live.Summary.Sha256);
    }

    [Fact]
    public async Task Startup_FreshDataDirectory_CreatesTheFourRoles()
    {
        await using var factory = new PortalFactory();

        var roles = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().Roles.Select(r => r.Name!).ToListAsync());

        Assert.Equal(["Admin", "Approver", "Editor", "Viewer"], roles.Order());
    }

    [Fact]
    public async Task Startup_Database_IsInWalMode()
    {
        await using var factory = new PortalFactory();
        _ = factory.Services;

        await using var connection = new SqliteConnection($"Data Source={factory.DatabaseFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Restart_SameDataDirectory_KeepsAccountsAndDoesNotSeedTwice()
    {
        var directory = PortalFactory.NewDataDirectory();
        try
        {
            await using (var first = new PortalFactory { DataDirectory = directory })
            {
                await first.CreateUserAsync("kept@example.com", "Editor");
            }
            await using var second = new PortalFactory { DataDirectory = directory };

            var (users, targets, revisions) = await second.WithServicesAsync(async s =>
            {
                var db = s.GetRequiredService<PortalDbContext>();
                return (await db.Users.Select(u => u.Email).ToListAsync(), await db.Targets.CountAsync(), await db.Revisions.CountAsync());
            });

            Assert.Contains("kept@example.com", users);
            Assert.Equal(1, targets);
            Assert.Equal(1, revisions);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task SaveChanges_ModifiedRevision_IsRefused()
    {
        await using var factory = new PortalFactory();

        var error = await factory.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var revision = await db.Revisions.FirstAsync();
            revision.Message = "rewritten history";
            return await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        });

        Assert.Contains("immutable", error.Message, StringComparison.Ordinal);
    }
}

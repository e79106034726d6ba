using System.Diagnostics;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using EdgePortal.Rules.Document;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class ConcurrentWriterTests
{
    private const int Processes = 3;
    private const int Saves = 30;

    [Fact]
    public async Task SameDatabaseFile_PortalAndOtherProcessesWriting_NothingLostOrCorrupt()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.CreateUserAsync("writer@example.com", "Editor");

        // Other portal processes (the users command line) write to the same file while this portal saves drafts.
        var others = Enumerable.Range(0, Processes).Select(i => RunPortalProcessAsync(factory.DataDirectory, $"process-{i}@example.com")).ToList();
        var draft = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().GetOrCreateDraftAsync(editor, "local"));
        var version = Assert.IsType<ChangeSetResult.Saved>(draft).ChangeSet.Version;
        var id = ((ChangeSetResult.Saved)draft).ChangeSet.Id;
        for (var i = 0; i < Saves; i++)
        {
            var rule = new CacheRule { Id = $"rule-{i}", Path = $"/p{i}/*", MaxAge = i };
            var saved = await factory.WithServicesAsync(s => s.GetRequiredService<IChangeSetService>().AddRuleAsync(editor, id, RuleSection.Cache, rule, null, version));
            version = Assert.IsType<ChangeSetResult.Saved>(saved).ChangeSet.Version;
        }
        var exitCodes = await Task.WhenAll(others);

        Assert.All(exitCodes, code => Assert.Equal(0, code));
        var (emails, rules, savedEvents) = await factory.WithServicesAsync(async s =>
        {
            var db = s.GetRequiredService<PortalDbContext>();
            var json = await db.ChangeSets.Where(c => c.Id == id).Select(c => c.DocumentJson).FirstAsync();
            return (await db.Users.Select(u => u.Email!).ToListAsync(), Services.Documents.DocumentCodec.ReadStored(json).Cache.Count,
                await db.AuditEvents.CountAsync(a => a.Subject == $"changeset/{id}" && a.Action == AuditActions.DraftSaved));
        });
        Assert.Equal(Saves, rules);
        Assert.Equal(Saves, savedEvents);
        for (var i = 0; i < Processes; i++)
        {
            Assert.Contains($"process-{i}@example.com", emails);
        }
        Assert.Equal("ok", await IntegrityCheckAsync(factory.DatabaseFile));
    }

    private static async Task<string?> IntegrityCheckAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string?)await command.ExecuteScalarAsync();
    }

    private static async Task<int> RunPortalProcessAsync(string dataDirectory, string email)
    {
        var portal = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { portal, "users", "add", "--email", email, "--role", "Viewer", "--password", "Str0ng-Password!", "--data-directory", dataDirectory },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(portal)!,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"users add {email} failed: {await stderr}");
        return process.ExitCode;
    }
}

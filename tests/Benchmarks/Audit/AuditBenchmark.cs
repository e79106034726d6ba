using System.Diagnostics;
using EdgePortal.Portal;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgePortal.Benchmarks.Audit;

/// <summary>
/// The audit page's query on a history of 100,000 sealed events: each filter, then the first page of 50 and the
/// total, as the page asks for them. Prints medians; nothing is asserted (speed is reported, not tested).
/// Run: dotnet run -c Release --project tests/Benchmarks -- audit
/// </summary>
public static class AuditBenchmark
{
    private const int EventCount = 100_000;
    private const int Batch = 5_000;
    private const int Rounds = 7;
    private static readonly string[] _actions =
    [
        AuditActions.LoginSucceeded, AuditActions.DraftSaved, AuditActions.DraftSaved, AuditActions.DraftSaved, AuditActions.ChangeSetSubmitted,
        AuditActions.ChangeSetApproved, AuditActions.PublishRequested, AuditActions.PublishStarted, AuditActions.PublishSucceeded, AuditActions.Exported,
    ];

    public static async Task<int> RunAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("edgeportal-audit-bench-").FullName;
        try
        {
            using var host = await StartServicesAsync(dataDirectory);
            var seeding = Stopwatch.StartNew();
            await SeedAsync(host.Services);
            seeding.Stop();
            using var scope = host.Services.CreateScope();
            var history = scope.ServiceProvider.GetRequiredService<IAuditHistory>();
            var day = DateTimeOffset.UtcNow.Date;
            (string Name, AuditQuery Query, int Page)[] cases =
            [
                ("no filter, first page", new AuditQuery(), 0),
                ("no filter, page 1,000", new AuditQuery(), 1000),
                ("category \"publish\"", new AuditQuery(Action: "publish"), 0),
                ("actor", new AuditQuery(Actor: "editor-7@example.com"), 0),
                ("target + category", new AuditQuery(TargetId: "target-2", Action: "changeset"), 0),
                ("rule id (its whole story)", new AuditQuery(TargetId: "target-1", RuleId: "title-00421"), 0),
                ("time range (one hour)", new AuditQuery(From: new DateTimeOffset(day), To: new DateTimeOffset(day).AddHours(1)), 0),
                ("full text", new AuditQuery(Text: "title-00423"), 0),
                ("full text, nothing matches", new AuditQuery(Text: "no-such-words"), 0),
            ];
            Console.WriteLine($"Audit history, {EventCount:N0} sealed events (seeded in {seeding.Elapsed.TotalSeconds:F1} s), page of 50 + total, median of {Rounds} rounds:");
            foreach (var (name, query, page) in cases)
            {
                var times = new List<double>();
                var total = 0;
                for (var round = 0; round < Rounds + 1; round++)
                {
                    var watch = Stopwatch.StartNew();
                    var result = await history.QueryAsync(query, page, 50);
                    watch.Stop();
                    total = result.Total;
                    if (round > 0)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
                Console.WriteLine($"  {name,-30} {times.Order().ElementAt(times.Count / 2),7:F1} ms  ({total:N0} match)");
            }
            Console.WriteLine($"  machine load average while measuring: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} ({Environment.ProcessorCount} cores)");
            return 0;
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    // Saves name one rule each, with before and after as the portal writes them; times spread over a day.
    private static async Task SeedAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var audit = services.GetRequiredService<AuditLog>();
        var before = new AccessRule { Id = "x", Path = "/titles/x/*", Mode = AccessMode.Allow, Countries = ["DE"] };
        for (var start = 0; start < EventCount; start += Batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            for (var i = start; i < start + Batch; i++)
            {
                var action = _actions[i % _actions.Length];
                var target = $"target-{i % 3}";
                var rule = $"title-{i % 1000:00000}";
                object details = action == AuditActions.DraftSaved
                    ? new { op = "rule.updated", rules = Changed(before with { Id = rule, Path = $"/titles/{rule}/*" }) }
                    : action.StartsWith("publish.", StringComparison.Ordinal) ? new { revisionId = i / 10, revisionNumber = i / 10, kind = "Publish" } : new { title = $"Change {i / 10}" };
                var subject = action.StartsWith("publish.", StringComparison.Ordinal) ? $"deployment/d-{i / 10}" : $"changeset/{i / 10}";
                var added = audit.Add(db, $"editor-{i % 20}@example.com", action, target, subject, details);
                added.Time = new DateTimeOffset(DateTimeOffset.UtcNow.Date).AddSeconds(i * 86_400.0 / EventCount);
            }
            await db.SaveChangesAsync();
        }
    }

    private static object Changed(AccessRule rule) =>
        AuditRuleChanges.Describe(RulesDocument.Empty with { Access = [rule] }, RulesDocument.Empty with { Access = [rule with { Countries = ["DE", "AT"] }] });

    private static async Task<IHost> StartServicesAsync(string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [PortalPaths.DataDirectoryKey] = dataDirectory });
        builder.Logging.ClearProviders();
        builder.AddPortalData();
        builder.AddPortalAccounts();
        var host = builder.Build();
        await host.Services.InitializePortalAsync(bootstrapAdmin: false);
        return host;
    }
}

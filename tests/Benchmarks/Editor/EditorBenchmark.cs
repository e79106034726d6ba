using System.Diagnostics;
using System.Security.Claims;
using Bunit;
using EdgePortal.Portal;
using EdgePortal.Portal.Components.Pages.Rules;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services;
using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;

namespace EdgePortal.Benchmarks.Editor;

/// <summary>
/// The rule editor on a 10,000-rule draft, rendered by bUnit over the real services and a SQLite database:
/// open the editor, change one rule, save. Prints medians; nothing is asserted (speed is reported, not tested).
/// Run: dotnet run -c Release --project tests/Benchmarks -- editor
/// </summary>
public static class EditorBenchmark
{
    private const int RuleCount = 10_000;
    private const int Rounds = 7;

    public static async Task<int> RunAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("edgeportal-bench-").FullName;
        try
        {
            using var host = await StartServicesAsync(dataDirectory);
            var user = Editor();
            await SeedDraftAsync(host.Services, user);

            var figures = new List<EditorRound>();
            for (var round = 0; round < Rounds + 1; round++)
            {
                var figure = await EditorRound.RunAsync(host.Services, user, round);
                if (round > 0)
                {
                    figures.Add(figure); // the first round pays for JIT and warms the caches
                }
            }
            Report(figures, RulesDocumentSize());
            return 0;
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>A document of 10,000 path rules: per-title country licensing, as a VOD catalogue has.</summary>
    public static RulesDocument Catalogue()
    {
        string[][] licences = [["DE", "AT", "CH"], ["US", "CA"], ["GB", "IE"], ["FR", "BE", "LU"], ["US", "CA", "GB", "DE"]];
        return new RulesDocument
        {
            Geo = new GeoSettings { Mode = GeoMode.Block, Countries = ["KP", "IR"] },
            Access = [.. Enumerable.Range(0, RuleCount - 20).Select(i => new AccessRule
            {
                Id = $"title-{i:00000}", Path = $"/titles/{i:00000}/*", Mode = AccessMode.Allow, Countries = [.. licences[i % licences.Length]],
                Description = $"Licence for title {i}",
            })],
            Redirects = [.. Enumerable.Range(0, 10).Select(i => new RedirectRule
            {
                Id = $"promo-{i}", Path = $"/promo/{i}/*", Location = $"https://promo.example.com/{i}/", Status = 302,
            })],
            Cache = [.. Enumerable.Range(0, 10).Select(i => new CacheRule { Id = $"cache-{i}", Path = $"/assets/{i}/*", MaxAge = 86400 })],
        };
    }

    private static long RulesDocumentSize() => RulesDocumentJson.SerializeToUtf8Bytes(Catalogue()).LongLength;

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

    private static async Task SeedDraftAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        using var scope = services.CreateScope();
        var changeSets = scope.ServiceProvider.GetRequiredService<IChangeSetService>();
        var draft = (ChangeSetResult.Saved)await changeSets.GetOrCreateDraftAsync(user, PortalDatabase.LocalTargetId);
        var saved = await changeSets.SaveDraftAsync(user, draft.ChangeSet.Id, Catalogue(), draft.ChangeSet.Version);
        if (!saved.IsSaved)
        {
            throw new InvalidOperationException(saved.Message);
        }
    }

    private static ClaimsPrincipal Editor() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "bench-editor"), new Claim(ClaimTypes.Name, "editor@example.com"), new Claim(ClaimTypes.Role, "Editor")],
        "benchmark"));

    private static void Report(IReadOnlyList<EditorRound> rounds, long documentBytes)
    {
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var validation = Stopwatch.StartNew();
        var problems = DocumentValidator.Validate(Catalogue());
        validation.Stop();
        Console.WriteLine($"Portal editor, {RuleCount:N0} rules ({documentBytes / 1024:N0} KiB of JSON), median of {rounds.Count} rounds, wall / CPU of the process:");
        Console.WriteLine($"  open the editor (load draft, validate, render first page): {Median(rounds.Select(r => r.Open.WallMs)),7:F1} ms / {Median(rounds.Select(r => r.Open.CpuMs)),7:F1} ms");
        Console.WriteLine($"  change one rule (one keystroke in a field, re-render):     {Median(rounds.Select(r => r.Change.WallMs)),7:F1} ms / {Median(rounds.Select(r => r.Change.CpuMs)),7:F1} ms");
        Console.WriteLine($"  save (whole draft to SQLite, version check):              {Median(rounds.Select(r => r.Save.WallMs)),7:F1} ms / {Median(rounds.Select(r => r.Save.CpuMs)),7:F1} ms");
        Console.WriteLine($"  whole-document validation (after a pause in typing):      {validation.Elapsed.TotalMilliseconds,7:F1} ms ({problems.Count} problems)");
        Console.WriteLine($"  circuit memory (managed heap held by the open editor):    {Median(rounds.Select(r => r.CircuitBytes)) / (1024 * 1024),7:F1} MiB");
        Console.WriteLine($"  HTML rendered for the open editor:                        {Median(rounds.Select(r => r.MarkupBytes)) / 1024,7:F1} KiB");
        Console.WriteLine($"  machine load average while measuring:                     {File.ReadAllText("/proc/loadavg").Split(' ')[0]} ({Environment.ProcessorCount} cores)");
    }
}

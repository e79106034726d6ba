using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Node;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Benchmarks;

/// <summary>
/// The handler benchmark of docs/performance.md: for 10, 1,000, 10,000 and 100,000 rules it builds the
/// package (timing the .NET build), unpacks it, and runs tests/bench/handler-bench.mjs, which measures
/// the handler against the naive RegExp baseline in one Node process. Prints a Markdown table.
/// </summary>
internal static class HandlerBenchmark
{
    private static readonly int[] _ruleCounts = [10, 1_000, 10_000, 100_000];
    private const int EventCount = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 1.0);
        // --rules N runs one size only; --keep DIR leaves the unpacked package and events there to rerun the script by hand.
        var ruleCounts = Arguments.Value(args, "--rules") is null ? _ruleCounts : [(int)Arguments.Number(args, "--rules", 0)];
        var keep = Arguments.Value(args, "--keep");
        var script = Path.Combine(RepositoryRoot(), "tests", "bench", "handler-bench.mjs");
        var node = NodeExecutable.Find();
        Console.WriteLine($"node {Version(node)}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, {EventCount:N0} events per mix, {seconds} s rounds");
        Console.WriteLine();
        Console.WriteLine("| rules | zip (bytes) | index.bin | fits viewer 1 MB | .NET build (ms) | of which validation (ms) | handler (decisions/s) | naive RegExp (decisions/s) | speed-up | handler, cycled events (decisions/s) | decision function alone (decisions/s) | init, new process (ms) | init, warm re-import (ms) |");
        Console.WriteLine("| ---: | ---: | :---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var rules in ruleCounts)
        {
            var document = RealisticDocuments.Create(rules);
            var (build, buildMilliseconds) = TimeBuild(document, rules);
            var validationMilliseconds = Median(() => DocumentValidator.Validate(document));
            var directory = keep ?? Path.Combine(Path.GetTempPath(), "edgeportal-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                HandlerPackage.ExtractTo(build.Zip, directory);
                var eventsFile = Path.Combine(directory, "events.bench.json");
                var events = new JsonArray([.. RequestMix.Create(document, EventCount)]);
                await File.WriteAllTextAsync(eventsFile, events.ToJsonString());
                var result = await RunNodeAsync(node, script, directory, eventsFile, seconds);
                if (result.GetProperty("mismatches").GetInt32() != 0)
                {
                    Console.Error.WriteLine($"{rules} rules: the handler and the baseline disagree on {result.GetProperty("mismatches").GetInt32()} events");
                    return 1;
                }
                var fast = result.GetProperty("handlerPerSecond").GetDouble();
                var naive = result.GetProperty("naivePerSecond").GetDouble();
                var index = File.Exists(Path.Combine(directory, PathIndexWriter.FileName)) ? "yes" : "no";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {rules:N0} | {build.CompressedBytes:N0} | {index} | {(HandlerSizeLimit.ViewerTriggers.Fits(build.CompressedBytes) ? "yes" : "no")} | {buildMilliseconds:N1} | {validationMilliseconds:N1} | {fast:N0} | {naive:N0} | {fast / naive:N1}x | {result.GetProperty("handlerCycledPerSecond").GetDouble():N0} | {result.GetProperty("decideFunctionPerSecond").GetDouble():N0} | {result.GetProperty("coldInitMillisecondsMedian").GetDouble():N1} | {result.GetProperty("initMillisecondsMedian").GetDouble():N1} |"));
            }
            finally
            {
                if (keep is null)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
        return 0;
    }

    /// <summary>Median of five builds after one warm-up, document generation excluded.</summary>
    private static (HandlerBuild Build, double Milliseconds) TimeBuild(RulesDocument document, int rules)
    {
        var sha = BenchmarkHashes.DocumentSha256(rules, 1);
        HandlerBuild? build = null;
        var milliseconds = Median(() => build = HandlerBuilder.Build(document, "bench", sha));
        return (build!, milliseconds);
    }

    /// <summary>Median time of five runs after one warm-up.</summary>
    private static double Median(Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[2];
    }

    private static async Task<JsonElement> RunNodeAsync(string node, string script, string directory, string eventsFile, double seconds)
    {
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, directory, eventsFile, seconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"handler-bench.mjs failed: {errors}");
        }
        return JsonDocument.Parse(await output).RootElement.Clone();
    }

    private static string Version(string node)
    {
        using var process = Process.Start(new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true })!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EdgePortal.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Run the benchmark from inside the repository (EdgePortal.sln not found above " + AppContext.BaseDirectory + ").");
    }
}

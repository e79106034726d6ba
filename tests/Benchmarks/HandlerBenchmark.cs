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
/// The handler benchmark of docs/performance.md: for 10, 1,000, 10,000 and 100,000 rules of the mixed
/// documents, and 10,000 and 100,000 of the licensing-heavy ones, it builds the package (timing the .NET
/// build), unpacks it, and runs tests/bench/handler-bench.mjs, which measures the handler against the
/// naive RegExp baseline in one Node process and its cold start in new ones, against JSON.parse of the
/// rules document in those same processes. Prints two Markdown tables: throughput, then cold start.
/// </summary>
internal static class HandlerBenchmark
{
    private static readonly (string Shape, int Rules)[] _runs =
        [("mixed", 10), ("mixed", 1_000), ("mixed", 10_000), ("mixed", 100_000), ("licensing", 10_000), ("licensing", 100_000)];

    private const int EventCount = 5_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 1.0);
        // --rules N runs one size only (--shape mixed or licensing, default mixed); --keep DIR leaves the
        // unpacked package, events and document there to rerun the script by hand.
        var runs = Arguments.Value(args, "--rules") is null
            ? _runs
            : [(Arguments.Value(args, "--shape") ?? "mixed", (int)Arguments.Number(args, "--rules", 0))];
        var keep = Arguments.Value(args, "--keep");
        var script = Path.Combine(RepositoryRoot(), "tests", "bench", "handler-bench.mjs");
        var node = NodeExecutable.Find();
        Console.WriteLine($"node {Version(node)}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}, {EventCount:N0} events per mix, {seconds} s rounds");
        Console.WriteLine();
        Console.WriteLine("| shape | rules | zip (bytes) | index.bin | fits viewer 1 MB | .NET build (ms) | of which validation (ms) | handler (decisions/s) | naive RegExp (decisions/s) | speed-up | handler, cycled events (decisions/s) | decision function alone (decisions/s) | init, new process (ms) | init, warm re-import (ms) |");
        Console.WriteLine("| --- | ---: | ---: | :---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var coldStarts = new List<string>();
        foreach (var (shape, rules) in runs)
        {
            var document = shape == "licensing" ? RealisticDocuments.Licensing(rules) : RealisticDocuments.Create(rules);
            var (build, buildMilliseconds) = TimeBuild(document, rules);
            var validationMilliseconds = Median(() => DocumentValidator.Validate(document));
            var directory = keep ?? Path.Combine(Path.GetTempPath(), "edgeportal-bench-" + Guid.NewGuid().ToString("N"));
            try
            {
                HandlerPackage.ExtractTo(build.Zip, directory);
                var eventsFile = Path.Combine(directory, "events.bench.json");
                var events = new JsonArray([.. RequestMix.Create(document, EventCount)]);
                await File.WriteAllTextAsync(eventsFile, events.ToJsonString());
                var documentFile = Path.Combine(directory, "document.bench.json");
                await File.WriteAllBytesAsync(documentFile, RulesDocumentJson.SerializeToUtf8Bytes(document));
                var result = await RunNodeAsync(node, script, [directory, eventsFile, documentFile, seconds.ToString(CultureInfo.InvariantCulture)]);
                if (result.GetProperty("mismatches").GetInt32() != 0)
                {
                    Console.Error.WriteLine($"{rules} rules: the handler and the baseline disagree on {result.GetProperty("mismatches").GetInt32()} events");
                    return 1;
                }
                double Figure(string name) => result.GetProperty(name).GetDouble();
                var fast = Figure("handlerPerSecond");
                var naive = Figure("naivePerSecond");
                var index = File.Exists(Path.Combine(directory, PathIndexWriter.FileName)) ? "yes" : "no";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {shape} | {rules:N0} | {build.CompressedBytes:N0} | {index} | {(HandlerSizeLimit.ViewerTriggers.Fits(build.CompressedBytes) ? "yes" : "no")} | {buildMilliseconds:N1} | {validationMilliseconds:N1} | {fast:N0} | {naive:N0} | {fast / naive:N1}x | {Figure("handlerCycledPerSecond"):N0} | {Figure("decideFunctionPerSecond"):N0} | {Figure("coldInitMillisecondsMedian"):N1} | {Figure("initMillisecondsMedian"):N1} |"));
                coldStarts.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {shape} | {rules:N0} | {new FileInfo(documentFile).Length:N0} | {index} | {Figure("coldInitMillisecondsMedian"):N1} | {Figure("documentParseMillisecondsMedian"):N1} | {Figure("coldInitToParseRatioMedian"):N2} | {Figure("coldInitCpuMillisecondsMedian"):N1} | {Figure("documentParseCpuMillisecondsMedian"):N1} | {Figure("coldInitToParseCpuRatioMedian"):N2} | {Figure("coldFirstRequestMillisecondsMedian"):N2} | {Mebibytes(Figure("heapBytesAfterInitMedian"))} | {Mebibytes(Figure("rssBytesAfterInitMedian"))} | {Mebibytes(Figure("rssBytesAfterFirstRequestMedian"))} |"));
            }
            finally
            {
                if (keep is null)
                {
                    Directory.Delete(directory, recursive: true);
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Cold start, new Node process, median of seven (load average now {LoadAverage()}):");
        Console.WriteLine();
        Console.WriteLine("| shape | rules | document (bytes) | index.bin | init, wall (ms) | JSON.parse of the document, same process, wall (ms) | init / JSON.parse, wall | init, CPU (ms) | JSON.parse, CPU (ms) | init / JSON.parse, CPU | first request (ms) | heap after init (MiB) | RSS after init (MiB) | RSS after first request (MiB) |");
        Console.WriteLine("| --- | ---: | ---: | :---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        coldStarts.ForEach(Console.WriteLine);
        return 0;
    }

    private static string Mebibytes(double bytes) => (bytes / (1024 * 1024)).ToString("N1", CultureInfo.InvariantCulture);

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

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

    private static async Task<JsonElement> RunNodeAsync(string node, string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments.Prepend(script))
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

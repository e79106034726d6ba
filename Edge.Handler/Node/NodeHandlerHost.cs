using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgePortal.Edge.Build;

namespace EdgePortal.Edge.Node;

/// <summary>
/// Runs an unpacked handler package under Node.js in one long-lived process (runner.mjs), so that
/// thousands of events cost one start-up. One invocation at a time; dispose to stop the process.
/// </summary>
public sealed class NodeHandlerHost : IAsyncDisposable
{
    private static readonly Lazy<string> _runnerSource = new(() =>
    {
        using var stream = typeof(NodeHandlerHost).Assembly.GetManifestResourceStream("EdgePortal.Edge.Node.runner.mjs")
            ?? throw new InvalidOperationException("Embedded resource EdgePortal.Edge.Node.runner.mjs is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _unpackedDirectory;

    private NodeHandlerHost(Process process)
    {
        _process = process;
    }

    /// <summary>Unpacks a built zip into a fresh temporary folder (removed on dispose) and starts node on it.</summary>
    public static async Task<NodeHandlerHost> StartFromZipAsync(byte[] zip, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "edgeportal-handler-" + Guid.NewGuid().ToString("N"));
        try
        {
            HandlerPackage.ExtractTo(zip, directory);
            var host = await StartAsync(directory, cancellationToken);
            host._unpackedDirectory = directory;
            return host;
        }
        catch
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
            throw;
        }
    }

    /// <summary>Starts node on the package in <paramref name="packageDirectory"/> and waits until the handler has loaded.</summary>
    public static async Task<NodeHandlerHost> StartAsync(string packageDirectory, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(NodeExecutable.Find())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in new[] { "--input-type=module", "--eval", _runnerSource.Value, "--", Path.GetFullPath(packageDirectory) })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var host = new NodeHandlerHost(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (host._stderr)
            {
                host._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        var ready = await host.ReadLineAsync(cancellationToken);
        if (ready["ready"]?.GetValue<bool>() != true)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException(ready["error"]?.GetValue<string>() ?? "The handler did not load.");
        }
        return host;
    }

    /// <summary>Runs the handler on one event (JSON text).</summary>
    public async Task<HandlerInvocation> InvokeAsync(string eventJson, CancellationToken cancellationToken = default) =>
        (await InvokeManyAsync([eventJson], null, cancellationToken))[0];

    /// <summary>
    /// Runs the handler on each event in order; writing and reading overlap so large batches never block on a full pipe.
    /// <paramref name="packageDirectory"/> runs another unpacked package in the same process (loaded once), instead of the one started with.
    /// </summary>
    public async Task<IReadOnlyList<HandlerInvocation>> InvokeManyAsync(
        IReadOnlyList<string> events, string? packageDirectory = null, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var directory = packageDirectory is null ? null : Path.GetFullPath(packageDirectory);
            var writing = WriteEventsAsync(events, directory, cancellationToken);
            var results = new List<HandlerInvocation>(events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var line = await ReadLineAsync(cancellationToken);
                results.Add(new HandlerInvocation(
                    line["result"]?.DeepClone(),
                    line["error"]?.GetValue<string>(),
                    [.. line["logs"]!.AsArray().Select(l => l!.GetValue<string>())]));
            }
            await writing;
            return results;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        _gate.Dispose();
        if (_unpackedDirectory is not null)
        {
            Directory.Delete(_unpackedDirectory, recursive: true);
        }
    }

    private async Task WriteEventsAsync(IReadOnlyList<string> events, string? directory, CancellationToken cancellationToken)
    {
        foreach (var json in events)
        {
            // One event per line: serialised without indentation, so newlines inside the event cannot split it.
            var line = new JsonObject { ["event"] = JsonNode.Parse(json), ["directory"] = directory }.ToJsonString();
            await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken);
        }
        await _process.StandardInput.FlushAsync(cancellationToken);
    }

    private async Task<JsonObject> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        if (line is null)
        {
            await _process.WaitForExitAsync(cancellationToken);
            string stderr;
            lock (_stderr)
            {
                stderr = _stderr.ToString().Trim();
            }
            throw new InvalidOperationException($"node exited with code {_process.ExitCode}: {stderr}");
        }
        try
        {
            return JsonNode.Parse(line)!.AsObject();
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The handler runner wrote something that is not its protocol: {line}", error);
        }
    }
}

using System.Diagnostics;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>Runs a script from tests/js with Node.js against an emulator; fails loudly when Node or the npm packages are missing.</summary>
internal static class NodeRunner
{
    public static string JsDirectory { get; } = FindJsDirectory();

    public static async Task<(int ExitCode, string Output)> RunAsync(Uri emulator, params string[] arguments)
    {
        var sdk = Path.Combine(JsDirectory, "node_modules", "@aws-sdk", "client-cloudfront");
        if (!Directory.Exists(sdk))
        {
            throw new InvalidOperationException($"The AWS SDK for JavaScript is not installed in {JsDirectory}/node_modules: run ./test.sh (or `npm ci` in tests/js) first.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = JsDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["EMULATOR_ENDPOINT"] = emulator.ToString().TrimEnd('/'), ["NODE_NO_WARNINGS"] = "1" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("Node.js is required for this test and `node` is not on the PATH: install Node.js 20 or later (./test.sh expects it).", exception);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output + await error);
        }
    }

    private static string FindJsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "js");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"tests/js was not found above {AppContext.BaseDirectory}.");
    }
}

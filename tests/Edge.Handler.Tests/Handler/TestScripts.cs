using System.Diagnostics;
using EdgePortal.Edge.Node;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>Runs a test helper from TestData/handler under Node: input on stdin, answer from stdout.</summary>
internal static class TestScripts
{
    private static readonly string _dataFolder = Path.Combine(AppContext.BaseDirectory, "TestData", "handler");

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/>; fails the test, with Node's errors, when it fails.</summary>
    public static async Task<string> RunAsync(string script, string input, params string[] arguments)
    {
        var start = new ProcessStartInfo(NodeExecutable.Find())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(_dataFolder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} failed: {errors}");
        return await output;
    }
}

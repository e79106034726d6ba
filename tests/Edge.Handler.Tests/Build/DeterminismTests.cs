using System.Diagnostics;
using EdgePortal.Benchmarks;
using EdgePortal.Edge.Node;

namespace EdgePortal.Edge.Tests.Build;

/// <summary>Same document, revision and hash: same bytes, in this process and in another one.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Build_SameInputTwice_GivesSameBytesAndHashes()
    {
        var first = PackageCommand.Build(rules: 2_000, seed: 5, revision: "rev-42");
        var second = PackageCommand.Build(rules: 2_000, seed: 5, revision: "rev-42");

        Assert.Equal(first.Zip, second.Zip);
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.CodeSha256, second.CodeSha256);
    }

    [Fact]
    public async Task Build_InAnotherProcess_GivesSameBytes()
    {
        var output = Path.Combine(Path.GetTempPath(), $"edgeportal-determinism-{Guid.NewGuid():N}.zip");
        try
        {
            // The benchmark program builds the same generated document; it runs here as a separate process.
            var benchmarks = Path.Combine(AppContext.BaseDirectory, "Benchmarks.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { benchmarks, "package", "--rules", "2000", "--seed", "5", "--revision", "rev-42", "--out", output })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"the second process failed: {await errors}");

            Assert.Equal(PackageCommand.Build(rules: 2_000, seed: 5, revision: "rev-42").Zip, await File.ReadAllBytesAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Build_OtherRevision_GivesOtherBytes()
    {
        var first = PackageCommand.Build(rules: 10, seed: 5, revision: "rev-1");
        var second = PackageCommand.Build(rules: 10, seed: 5, revision: "rev-2");

        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Fact]
    public async Task Build_PackageFromAnotherProcess_RunsUnderNode()
    {
        await using var host = await NodeHandlerHost.StartFromZipAsync(PackageCommand.Build(rules: 10, seed: 5, revision: "rev-run").Zip);

        var invocation = await host.InvokeAsync("""{ "Records": [{ "cf": { "config": { "eventType": "viewer-request" }, "request": { "uri": "/", "headers": {} } } }] }""");

        Assert.Equal("""{"uri":"/","headers":{}}""", invocation.Result?.ToJsonString());
    }
}

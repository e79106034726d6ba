using System.Diagnostics;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Node;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary><c>node --check</c> on every JavaScript file that ships in a package, as the builder embeds it.</summary>
public sealed class SyntaxTests
{
    public static TheoryData<string> RuntimeFileNames => [.. RuntimeFiles.All.Select(f => f.Name)];

    [Fact]
    public void RuntimeFiles_AreTheHandlersModules()
    {
        Assert.Equal(["cloudfront.mjs", "countries.mjs", "decide.mjs", "hashing.mjs", "index.mjs", "layout.mjs", "lookup.mjs", "pattern.mjs", "tables.mjs"], RuntimeFiles.All.Select(f => f.Name));
    }

    [Theory]
    [MemberData(nameof(RuntimeFileNames))]
    public Task RuntimeFile_NodeCheck_Passes(string name) => AssertNodeCheckAsync(name, RuntimeFiles.All.Single(f => f.Name == name).Content);

    [Fact]
    public async Task NodeRunner_NodeCheck_Passes()
    {
        await using var stream = typeof(NodeHandlerHost).Assembly.GetManifestResourceStream("EdgePortal.Edge.Node.runner.mjs")!;
        using var content = new MemoryStream();
        await stream.CopyToAsync(content);
        await AssertNodeCheckAsync("runner.mjs", content.ToArray());
    }

    private static async Task AssertNodeCheckAsync(string name, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"edgeportal-check-{Guid.NewGuid():N}-{name}");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var start = new ProcessStartInfo(NodeExecutable.Find()) { RedirectStandardError = true, ArgumentList = { "--check", path } };
            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"node --check {name} failed:\n{errors}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}

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
        Assert.Equal(["cloudfront.mjs", "countries.mjs", "data.mjs", "decide.mjs", "hashing.mjs", "index.mjs", "layout.mjs", "lookup.mjs", "pattern.mjs", "tables.mjs"], RuntimeFiles.All.Select(f => f.Name));
    }

    [Theory]
    [MemberData(nameof(RuntimeFileNames))]
    public Task RuntimeFile_NodeCheck_Passes(string name) => AssertNodeCheckAsync(name, RuntimeFiles.All.Single(f => f.Name == name).Content);

    [Fact]
    public Task Bundle_NodeCheck_Passes() => AssertNodeCheckAsync("bundle.mjs", RuntimeBundle.Build(RuntimeFiles.All));

    [Fact]
    public void Bundle_ExportTheBundleCannotJoin_IsRefusedNamingTheLine()
    {
        (string, byte[])[] modules = [("index.mjs", "import { f } from './a.mjs';\nexport const handler = f;\n"u8.ToArray()), ("a.mjs", "export default function f() {}\n"u8.ToArray())];

        var error = Assert.Throws<InvalidOperationException>(() => RuntimeBundle.Build(modules));

        Assert.Equal("a.mjs: the bundle cannot join this export: export default function f() {}", error.Message);
    }

    [Fact]
    public void Bundle_ModulesImportingEachOther_AreRefused()
    {
        (string, byte[])[] modules =
        [
            ("index.mjs", "import { f } from './a.mjs';\nexport const handler = f;\n"u8.ToArray()),
            ("a.mjs", "import { g } from './b.mjs';\nexport const f = g;\n"u8.ToArray()),
            ("b.mjs", "import { f } from './a.mjs';\nexport const g = 1;\n"u8.ToArray()),
        ];

        var error = Assert.Throws<InvalidOperationException>(() => RuntimeBundle.Build(modules));

        Assert.Contains("in a circle", error.Message, StringComparison.Ordinal);
    }

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

using System.Security.Cryptography;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Cli;

public sealed class HandlerInspectCommandTests : IDisposable
{
    private readonly HandlerCliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task HandlerInspect_BuiltZip_PrintsRevisionRulesSizesAndLimits()
    {
        await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath, "--revision", "rev-3");
        var zip = await File.ReadAllBytesAsync(_files.ZipPath);
        var documentSha = RulesDocumentJson.Sha256(RulesDocumentJson.Parse(HandlerCliFiles.Document).Document!);

        var output = await _files.RunAsync("handler", "inspect", _files.ZipPath);

        var lines = output.Split('\n');
        Assert.Equal(
            [
                "exit: 0",
                "--- stdout",
                "handler.zip: EdgePortal handler package",
                "revision: rev-3",
                $"document sha256: {documentSha}",
                "rules: 0 access rules, 1 redirect, 0 origin rules, 1 cache rule",
                "files: index.bin, index.mjs, rules.bin, rules.json",
            ],
            lines[..7]);
        Assert.StartsWith($"size: {zip.Length:N0} bytes compressed, ", lines[7]);
        Assert.Equal($"sha256: {Convert.ToHexStringLower(SHA256.HashData(zip))}", lines[8]);
        Assert.Equal(["fits viewer triggers (1 MB): yes", "fits origin triggers (50 MB): yes", "--- stderr", ""], lines[10..]);
    }

    [Fact]
    public async Task HandlerInspect_NotAZip_ExitsTwoSayingSo()
    {
        var output = await _files.RunAsync("handler", "inspect", _files.DocumentPath);

        Assert.StartsWith("exit: 2\n--- stdout\n--- stderr\nhandler inspect: rules.json: The file is not a zip", output);
    }

    [Fact]
    public async Task HandlerInspect_MissingFile_ExitsTwo()
    {
        var output = await _files.RunAsync("handler", "inspect", Path.Combine(_files.Folder, "none.zip"));

        Assert.Equal("exit: 2\n--- stdout\n--- stderr\nhandler inspect: cannot read none.zip: no such file\n", output);
    }
}

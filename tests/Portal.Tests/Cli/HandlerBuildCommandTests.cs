using System.Security.Cryptography;

namespace EdgePortal.Portal.Tests.Cli;

public sealed class HandlerBuildCommandTests : IDisposable
{
    private readonly HandlerCliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task HandlerBuild_ValidDocument_WritesZipAndPrintsSizeAndHashes()
    {
        var output = await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath, "--revision", "rev-9");

        var zip = await File.ReadAllBytesAsync(_files.ZipPath);
        var digest = SHA256.HashData(zip);
        Assert.StartsWith("exit: 0\n--- stdout\nbuilt handler.zip: revision rev-9, document sha256 ", output);
        Assert.Contains("\nrules: 0 access rules, 1 redirect, 0 origin rules, 1 cache rule\n", output);
        Assert.Contains($"\nsize: {zip.Length:N0} bytes compressed, ", output);
        Assert.Contains($"\nsha256: {Convert.ToHexStringLower(digest)}\n", output);
        Assert.Contains($"\nCodeSha256: {Convert.ToBase64String(digest)}\n", output);
        Assert.EndsWith("\nfits viewer triggers (1 MB): yes\nfits origin triggers (50 MB): yes\n--- stderr\n", output);
    }

    [Fact]
    public async Task HandlerBuild_SameRulesWrittenDifferently_GivesSameZip()
    {
        var compact = _files.Write("compact.json", HandlerCliFiles.Document.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal));
        var other = Path.Combine(_files.Folder, "other.zip");

        await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath);
        await _files.RunAsync("handler", "build", compact, "--out", other);

        Assert.Equal(await File.ReadAllBytesAsync(_files.ZipPath), await File.ReadAllBytesAsync(other));
    }

    [Fact]
    public async Task HandlerBuild_InvalidDocument_ExitsTwoWithProblemsAndWritesNothing()
    {
        var invalid = _files.Write("invalid.json", """{ "schema": "edgeportal.rules/v1", "redirects": [ { "id": "x", "path": "/*", "location": "ftp://x" } ] }""");

        var output = await _files.RunAsync("handler", "build", invalid, "--out", _files.ZipPath);

        Assert.StartsWith("exit: 2\n--- stdout\n--- stderr\ninvalid.json is not a valid rules document (1 problem):\n  /redirects/0/location: ", output);
        Assert.False(File.Exists(_files.ZipPath));
    }

    [Fact]
    public async Task HandlerBuild_RevisionWithSpace_ExitsTwoNamingTheOption()
    {
        var output = await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath, "--revision", "rev 1");

        Assert.Equal("exit: 2\n--- stdout\n--- stderr\nhandler build: --revision must be 1 to 128 printable ASCII characters without spaces, got \"rev 1\"\n", output);
        Assert.False(File.Exists(_files.ZipPath));
    }

    [Fact]
    public async Task HandlerBuild_OutputFolderMissing_ExitsTwo()
    {
        var output = await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", Path.Combine(_files.Folder, "no", "such", "h.zip"));

        Assert.StartsWith("exit: 2\n--- stdout\n--- stderr\nhandler build: cannot write no/such/h.zip: the folder ", output);
    }

    [Fact]
    public async Task HandlerBuild_WithoutOut_ExitsTwo()
    {
        var output = await _files.RunAsync("handler", "build", _files.DocumentPath);

        Assert.StartsWith("exit: 2\n", output);
        Assert.Contains("--out", output);
    }
}

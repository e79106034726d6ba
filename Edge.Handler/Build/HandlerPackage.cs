using System.IO.Compression;
using System.Text.Json;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Build;

/// <summary>What a built package holds, read back from its zip (for <c>handler inspect</c> and tests).</summary>
public sealed record HandlerPackageInfo
{
    public required string RevisionId { get; init; }

    public required string DocumentSha256 { get; init; }

    /// <summary>Number of rules per section, in section order.</summary>
    public required IReadOnlyDictionary<RuleSection, int> RuleCounts { get; init; }

    public required IReadOnlyList<string> Files { get; init; }

    public required long CompressedBytes { get; init; }

    public required long UncompressedBytes { get; init; }

    public required string Sha256 { get; init; }

    public required string CodeSha256 { get; init; }
}

/// <summary>Reads and unpacks built handler packages.</summary>
public static class HandlerPackage
{
    /// <summary>Reads a package; throws <see cref="InvalidDataException"/> naming what is wrong when it is not one.</summary>
    public static HandlerPackageInfo Read(byte[] zip)
    {
        using var archive = Open(zip);
        var rulesEntry = archive.GetEntry(RulesTableWriter.FileName)
            ?? throw new InvalidDataException($"The zip has no {RulesTableWriter.FileName}: it is not an EdgePortal handler package.");
        if (archive.GetEntry(RuntimeFiles.EntryPoint) is null)
        {
            throw new InvalidDataException($"The zip has no {RuntimeFiles.EntryPoint}: it is not an EdgePortal handler package.");
        }
        using var stream = rulesEntry.Open();
        using var rules = JsonDocument.Parse(stream);
        var root = rules.RootElement;
        var digest = PackageDigest.Of(zip);
        return new HandlerPackageInfo
        {
            RevisionId = ReadString(root, "revision"),
            DocumentSha256 = ReadString(root, "documentSha256"),
            RuleCounts = Enum.GetValues<RuleSection>().ToDictionary(s => s, s => CountRules(root, s.JsonName())),
            Files = [.. archive.Entries.Select(e => e.FullName)],
            CompressedBytes = zip.Length,
            UncompressedBytes = archive.Entries.Sum(e => e.Length),
            Sha256 = digest.Sha256,
            CodeSha256 = digest.CodeSha256,
        };
    }

    /// <summary>Unpacks the package into <paramref name="directory"/> (created when missing).</summary>
    public static void ExtractTo(byte[] zip, string directory)
    {
        using var archive = Open(zip);
        Directory.CreateDirectory(directory);
        archive.ExtractToDirectory(directory, overwriteFiles: true);
    }

    private static ZipArchive Open(byte[] zip)
    {
        try
        {
            return new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException error)
        {
            throw new InvalidDataException($"The file is not a zip: {error.Message}", error);
        }
    }

    private static string ReadString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"{RulesTableWriter.FileName} has no \"{name}\".");

    private static int CountRules(JsonElement root, string section) =>
        root.TryGetProperty("counts", out var counts) && counts.TryGetProperty(section, out var count) && count.TryGetInt32(out var number)
            ? number
            : throw new InvalidDataException($"{RulesTableWriter.FileName} has no count of \"{section}\" rules.");
}

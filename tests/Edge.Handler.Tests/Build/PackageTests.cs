using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Tests.Handler;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Build;

/// <summary>What is inside a built zip, and how it is written.</summary>
public sealed class PackageTests
{
    private static readonly HandlerBuild _build = HandlerBuilder.Build(SampleDocuments.Vod, "rev-7", Packages.ShaOf("vod"));

    [Fact]
    public void Build_Zip_HoldsTheRuntimeAndRulesInNameOrder()
    {
        using var archive = new ZipArchive(new MemoryStream(_build.Zip));

        Assert.Equal(
            ["index.bin", "index.mjs", "rules.bin", "rules.json"],
            archive.Entries.Select(e => e.FullName));
        Assert.All(archive.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Build_Zip_HasNoExtraFieldsOrCommentsAndReadableFiles()
    {
        var zip = _build.Zip;
        var endOfDirectory = zip.Length - 22;
        Assert.Equal(0x06054b50u, BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(endOfDirectory)));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(endOfDirectory + 20)));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(endOfDirectory + 16));
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(endOfDirectory + 10));
        Assert.Equal(4, entries);
        for (var i = 0; i < entries; i++)
        {
            var entry = zip.AsSpan(offset);
            Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(entry));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(entry[30..]));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(entry[32..]));
            Assert.Equal(0x81A4u, BinaryPrimitives.ReadUInt32LittleEndian(entry[38..]) >> 16);
            var local = zip.AsSpan((int)BinaryPrimitives.ReadUInt32LittleEndian(entry[42..]));
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(local[28..]));
            offset += 46 + BinaryPrimitives.ReadUInt16LittleEndian(entry[28..]);
        }
    }

    [Fact]
    public void SizeOf_Entries_IsTheLengthOfTheZipWritten()
    {
        List<DeterministicZip.Entry> entries =
        [
            DeterministicZip.Compress("a.bin", new byte[1000]),
            DeterministicZip.Compress("index.mjs", "export const handler = async (event) => event;\n"u8.ToArray()),
            DeterministicZip.Compress("rules.json", "{}"u8.ToArray()),
        ];

        Assert.Equal(DeterministicZip.Write(entries).Length, DeterministicZip.SizeOf(entries));
    }

    [Fact]
    public void Build_Hashes_AreThoseOfTheZip()
    {
        var digest = SHA256.HashData(_build.Zip);

        Assert.Equal(Convert.ToHexStringLower(digest), _build.Sha256);
        Assert.Equal(Convert.ToBase64String(digest), _build.CodeSha256);
        Assert.Equal(_build.Zip.Length, _build.CompressedBytes);
    }

    [Fact]
    public void Read_BuiltZip_ReportsRevisionCountsAndSizes()
    {
        var info = HandlerPackage.Read(_build.Zip);

        Assert.Equal("rev-7", info.RevisionId);
        Assert.Equal(Packages.ShaOf("vod"), info.DocumentSha256);
        Assert.Equal(1, info.RuleCounts[RuleSection.Access]);
        Assert.Equal(2, info.RuleCounts[RuleSection.Redirects]);
        Assert.Equal(2, info.RuleCounts[RuleSection.Origins]);
        Assert.Equal(3, info.RuleCounts[RuleSection.Cache]);
        Assert.Equal(_build.UncompressedBytes, info.UncompressedBytes);
        Assert.Equal(_build.CodeSha256, info.CodeSha256);
    }

    [Fact]
    public void Build_RulesData_CarriesNoTimeAndNoRuleText()
    {
        using var archive = new ZipArchive(new MemoryStream(_build.Zip));
        using var reader = new StreamReader(archive.GetEntry("rules.json")!.Open(), Encoding.UTF8);
        var json = reader.ReadToEnd();
        using var binaryReader = new StreamReader(archive.GetEntry("rules.bin")!.Open(), Encoding.Latin1);
        var binary = binaryReader.ReadToEnd();

        using var rules = JsonDocument.Parse(json);
        Assert.Equal(
            ["format", "revision", "documentSha256", "unknownCountry", "geo", "blocked", "counts"],
            rules.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.DoesNotContain("bundesliga-live", json + binary);
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), json + binary);
        // The patterns are there, in the string table, as the handler reads them.
        Assert.Contains(SampleDocuments.Vod.Redirects[0].Path, binary);
    }

    [Fact]
    public void Read_NotAPackage_SaysWhatIsMissing()
    {
        var error = Assert.Throws<InvalidDataException>(() => HandlerPackage.Read(DeterministicZip.Write([DeterministicZip.Compress("index.mjs", [1])])));

        Assert.Contains("rules.json", error.Message);
        Assert.Contains("not an EdgePortal handler package", error.Message);
    }

    [Fact]
    public void Read_NotAZip_SaysSo()
    {
        var error = Assert.Throws<InvalidDataException>(() => HandlerPackage.Read(Encoding.UTF8.GetBytes("hello")));

        Assert.StartsWith("The file is not a zip", error.Message);
    }
}

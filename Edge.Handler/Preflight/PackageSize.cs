using System.IO.Compression;

namespace EdgePortal.Edge.Preflight;

/// <summary>A code package's size as Lambda measures it: the zip, and everything in it once unzipped.</summary>
public sealed record PackageSize(long ZippedBytes, long UnzippedBytes)
{
    /// <summary>Reads the sizes from the zip's central directory; nothing is extracted.</summary>
    public static PackageSize Of(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip, writable: false), ZipArchiveMode.Read);
        return new PackageSize(zip.LongLength, archive.Entries.Sum(e => e.Length));
    }
}

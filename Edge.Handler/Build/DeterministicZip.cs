using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Writes a zip whose bytes depend only on the entries: entries in the order given, every timestamp
/// 1980-01-01 00:00, deflate at fixed levels, no extra fields, no comment, and fixed "made by" and
/// file attributes (Unix, rw-r--r--, so Lambda can read the files). ZipArchive is not used for writing
/// because it stamps the current platform into "version made by" and may add extra fields, so the same
/// build would differ between a Windows laptop and a Linux server.
/// </summary>
public static class DeterministicZip
{
    private const ushort VersionNeeded = 20;
    private const ushort VersionMadeByUnix = (3 << 8) | 30;
    private const ushort MethodDeflate = 8;
    private const ushort DosDate1980January1 = (0 << 9) | (1 << 5) | 1;
    private const ushort DosTimeMidnight = 0;
    private const uint UnixRegularFileRwRR = 0x81A4u << 16;

    /// <summary>The fixed compression level of text entries; changing it changes every package's hash.</summary>
    public const CompressionLevel Level = CompressionLevel.SmallestSize;

    /// <summary>
    /// The fixed level of binary entries (names ending in ".bin"): on index.bin "optimal" packs tighter than
    /// "smallest size" and takes a fifteenth of the time (20 ms against 300 ms for 10,000 rules).
    /// </summary>
    public const CompressionLevel BinaryLevel = CompressionLevel.Optimal;

    /// <summary>One entry, compressed, ready to be written (or its size counted) any number of times.</summary>
    public sealed class Entry
    {
        internal Entry(string name, byte[] content)
        {
            Name = Encoding.ASCII.GetBytes(name);
            Crc = Crc32.Compute(content);
            Size = (uint)content.Length;
            Compressed = Deflate(content, name.EndsWith(".bin", StringComparison.Ordinal) ? BinaryLevel : Level);
        }

        internal byte[] Name { get; }

        internal uint Crc { get; }

        internal uint Size { get; }

        internal byte[] Compressed { get; }

        /// <summary>What this entry adds to a zip: its compressed bytes and both of its headers.</summary>
        public long ZipBytes => 30 + 46 + (2L * Name.Length) + Compressed.Length;
    }

    public static Entry Compress(string name, byte[] content) => new(name, content);

    /// <summary>The size of the zip <see cref="Write"/> would write.</summary>
    public static long SizeOf(IEnumerable<Entry> entries) => 22 + entries.Sum(e => e.ZipBytes);

    /// <summary>Writes the entries in the order given.</summary>
    public static byte[] Write(IReadOnlyList<Entry> entries)
    {
        using var output = new MemoryStream();
        using var central = new MemoryStream();
        foreach (var entry in entries)
        {
            var header = new EntryHeader(entry.Name, entry.Crc, (uint)entry.Compressed.Length, entry.Size, (uint)output.Position);
            WriteLocalHeader(output, header);
            output.Write(entry.Compressed);
            WriteCentralHeader(central, header);
        }
        var centralOffset = (uint)output.Position;
        central.Position = 0;
        central.CopyTo(output);
        WriteEndOfCentralDirectory(output, (ushort)entries.Count, (uint)central.Length, centralOffset);
        return output.ToArray();
    }

    private static byte[] Deflate(byte[] content, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, level, leaveOpen: true))
        {
            deflate.Write(content);
        }
        return buffer.ToArray();
    }

    private static void WriteLocalHeader(Stream stream, EntryHeader header)
    {
        var fields = new byte[30];
        var span = fields.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[0..], 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], MethodDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], DosTimeMidnight);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosDate1980January1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], header.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], header.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], header.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)header.Name.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], 0);
        stream.Write(fields);
        stream.Write(header.Name);
    }

    private static void WriteCentralHeader(Stream stream, EntryHeader header)
    {
        var fields = new byte[46];
        var span = fields.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[0..], 0x02014b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], VersionMadeByUnix);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], VersionNeeded);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], MethodDeflate);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosTimeMidnight);
        BinaryPrimitives.WriteUInt16LittleEndian(span[14..], DosDate1980January1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], header.Crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], header.CompressedSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], header.Size);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)header.Name.Length);
        // Extra field length, comment length, disk number start, internal attributes: all zero.
        BinaryPrimitives.WriteUInt32LittleEndian(span[38..], UnixRegularFileRwRR);
        BinaryPrimitives.WriteUInt32LittleEndian(span[42..], header.Offset);
        stream.Write(fields);
        stream.Write(header.Name);
    }

    private static void WriteEndOfCentralDirectory(Stream stream, ushort count, uint centralSize, uint centralOffset)
    {
        var fields = new byte[22];
        var span = fields.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[0..], 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], count);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(span[12..], centralSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], centralOffset);
        stream.Write(fields);
    }

    private sealed record EntryHeader(byte[] Name, uint Crc, uint CompressedSize, uint Size, uint Offset);
}

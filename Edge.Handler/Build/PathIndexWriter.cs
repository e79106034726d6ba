using System.Buffers.Binary;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Writes <c>index.bin</c>: the handler's two path indexes (request sections, then cache) as the arrays
/// Runtime/layout.mjs would build at module load, so a cold start only maps them instead of reading
/// every pattern. Same classification, hash (24-bit djb2 over UTF-16 code units), table sizes and
/// probing as layout.mjs; the differential and agreement tests run packages built both ways.
/// Layout: little-endian 32-bit integers. A header [format, index count], then per index
/// [rule count, rootless head, others head, and per table (exact, folders, segments, extensions) its
/// key count and slot count], then per index its entry data (8 numbers a rule) followed by each table's
/// slots (2 numbers each: hash, first entry).
/// </summary>
public static class PathIndexWriter
{
    public const string FileName = "index.bin";

    /// <summary>Version of the layout; tables.mjs ignores a file of any other.</summary>
    public const int Format = 2;

    // Mirrors layout.mjs.
    private const int Exact = 0;
    private const int PrefixStar = 1;
    private const int General = 2;
    private const int Stride = 8;
    private const int Next = 7;
    private const int InExact = 0;
    private const int InFolders = 1;
    private const int InSegments = 2;
    private const int InExtensions = 3;
    private const int InRootless = 4;
    private const int InOthers = 5;
    private const int HashStart = 5381;
    private const int LinearLimit = 8;

    /// <summary>One section of an index: its patterns in order and each rule's country set (-1: every request).</summary>
    public sealed record Section(IReadOnlyList<string> Paths, IReadOnlyList<int> Sets);

    public static byte[] Write(IReadOnlyList<IReadOnlyList<Section>> indexes)
    {
        var built = indexes.Select(Build).ToList();
        var numbers = new List<int> { Format, built.Count };
        foreach (var index in built)
        {
            numbers.AddRange([index.Count, index.Rootless, index.Others]);
            foreach (var table in index.Tables)
            {
                numbers.AddRange([table.Size, table.Slots.Length / 2]);
            }
        }
        foreach (var index in built)
        {
            numbers.AddRange(index.Data);
            foreach (var table in index.Tables)
            {
                numbers.AddRange(table.Slots);
            }
        }
        var bytes = new byte[numbers.Count * 4];
        for (var i = 0; i < numbers.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), numbers[i]);
        }
        return bytes;
    }

    private sealed record Table(int Size, int[] Slots);

    private sealed record Index(int Count, int Rootless, int Others, int[] Data, Table[] Tables);

    private static Index Build(IReadOnlyList<Section> sections)
    {
        var count = sections.Sum(s => s.Paths.Count);
        var data = new int[Math.Max(1, count) * Stride];
        var places = new int[count];
        var keys = new int[count];
        var passages = new List<int>();
        var rule = 0;
        var start = 0;
        for (var section = 0; section < sections.Count; section++)
        {
            var (paths, sets) = (sections[section].Paths, sections[section].Sets);
            for (var index = 0; index < paths.Count; index++, rule++)
            {
                var at = rule * Stride;
                data[at] = section;
                data[at + 1] = index;
                data[at + 3] = start;
                data[at + 6] = sets[index];
                data[at + Next] = -1;
                (places[rule], keys[rule]) = Read(paths[index], data, at, passages);
                start += paths[index].Length;
            }
        }
        if (count <= LinearLimit)
        {
            return new Index(count, -1, -1, data, [new Table(0, []), new Table(0, []), new Table(0, []), new Table(0, [])]);
        }
        var filed = new int[6];
        foreach (var place in places)
        {
            filed[place]++;
        }
        var exact = File(new Table(filed[InExact], NewSlots(filed[InExact])), InExact, places, keys, data);
        var folders = File(new Table(filed[InFolders] + passages.Count, NewSlots(filed[InFolders] + passages.Count)), InFolders, places, keys, data);
        foreach (var passage in passages)
        {
            var at = Probe(folders.Slots, passage);
            if (folders.Slots[at] == 0)
            {
                (folders.Slots[at], folders.Slots[at + 1]) = (passage == 0 ? 1 : passage, -1);
            }
        }
        var segments = File(new Table(filed[InSegments], NewSlots(filed[InSegments])), InSegments, places, keys, data);
        var extensions = File(new Table(filed[InExtensions], NewSlots(filed[InExtensions])), InExtensions, places, keys, data);
        return new Index(count, Chain(InRootless, places, data), Chain(InOthers, places, data), data, [exact, folders, segments, extensions]);
    }

    /// <summary>readAll in layout.mjs for one pattern: fills kind, prefix and suffix; returns where it is filed and its key's hash.</summary>
    private static (int Place, int Key) Read(string path, int[] data, int at, List<int> passages)
    {
        var length = path.Length;
        var firstPassage = passages.Count;
        int prefix = -1, lastWildcard = -1, lastSlash = -1, lastDot = -1, folders = 0, folderHash = 0;
        var hash = HashStart;
        for (var i = 0; i < length; i++)
        {
            var c = path[i];
            hash = Step(hash, c);
            if (c is '*' or '?')
            {
                prefix = prefix < 0 ? i : prefix;
                lastWildcard = i;
            }
            else if (c == '/')
            {
                lastSlash = i;
                if (prefix < 0)
                {
                    if (folders > 0)
                    {
                        passages.Add(folderHash);
                    }
                    folderHash = hash;
                    folders++;
                }
            }
            else if (c == '.')
            {
                lastDot = i;
            }
        }
        prefix = prefix < 0 ? length : prefix;
        var kind = prefix == length ? Exact : path.AsSpan(prefix).TrimStart('*').IsEmpty ? PrefixStar : General;
        var suffix = kind == Exact ? 0 : length - 1 - lastWildcard;
        (data[at + 2], data[at + 4], data[at + 5]) = (kind, prefix, suffix);
        (int Place, int Key) filed =
            kind == Exact ? (InExact, hash)
            : kind == General && lastSlash >= length - suffix ? (InSegments, HashOf(path, lastSlash + 1))
            : kind == General && suffix > 0 && folders < 2 ? (lastDot >= length - suffix ? (InExtensions, HashOf(path, lastDot + 1)) : (InOthers, 0))
            : folders == 0 ? (InRootless, 0)
            : (InFolders, folderHash);
        if (filed.Place != InFolders)
        {
            passages.RemoveRange(firstPassage, passages.Count - firstPassage);
        }
        return filed;
    }

    private static int Step(int hash, char c) => ((hash << 5) + hash + c) & 0xffffff;

    private static int HashOf(string text, int from)
    {
        var hash = HashStart;
        for (var i = from; i < text.Length; i++)
        {
            hash = Step(hash, text[i]);
        }
        return hash;
    }

    /// <summary>HashTable's constructor in hashing.mjs: at most half full.</summary>
    private static int[] NewSlots(int keys)
    {
        var capacity = 16;
        while (capacity < keys * 2)
        {
            capacity *= 2;
        }
        return new int[capacity * 2];
    }

    /// <summary>The slot holding <paramref name="rawHash"/>, or the free slot where it goes.</summary>
    private static int Probe(int[] slots, int rawHash)
    {
        var hash = rawHash == 0 ? 1 : rawHash;
        var wrap = slots.Length - 1;
        var at = ((hash ^ (hash >>> 11)) << 1) & wrap;
        while (slots[at] != 0 && slots[at] != hash)
        {
            at = (at + 2) & wrap;
        }
        return at;
    }

    /// <summary>fileAll in layout.mjs.</summary>
    private static Table File(Table table, int place, int[] places, int[] keys, int[] data)
    {
        var slots = table.Slots;
        var tails = new int[slots.Length / 2];
        for (var r = 0; r < places.Length; r++)
        {
            if (places[r] != place)
            {
                continue;
            }
            var at = Probe(slots, keys[r]);
            var entry = r * Stride;
            if (slots[at] == 0)
            {
                (slots[at], slots[at + 1]) = (keys[r] == 0 ? 1 : keys[r], entry);
            }
            else
            {
                data[tails[at / 2] + Next] = entry;
            }
            tails[at / 2] = entry;
        }
        return table;
    }

    /// <summary>chainAll in layout.mjs.</summary>
    private static int Chain(int place, int[] places, int[] data)
    {
        int head = -1, tail = -1;
        for (var r = 0; r < places.Length; r++)
        {
            if (places[r] != place)
            {
                continue;
            }
            if (head < 0)
            {
                head = r * Stride;
            }
            else
            {
                data[tail + Next] = r * Stride;
            }
            tail = r * Stride;
        }
        return head;
    }
}

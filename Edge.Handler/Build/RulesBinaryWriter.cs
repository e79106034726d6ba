using System.Buffers.Binary;
using System.Text;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Writes <c>rules.bin</c>: everything the handler decides with, as little-endian 32-bit numbers it maps
/// without parsing (Runtime/data.mjs reads it). JSON.parse of a 100,000-rule table costs a cold start
/// about as much as the rest of it together; numbers in a file cost only the read. Strings (the patterns
/// of each index joined into one text, redirect locations, origin names, Cache-Control values) sit in one
/// UTF-8 string table that the handler decodes one string at a time, the first time it needs it.
/// Layout: a header of <see cref="HeaderWords"/> numbers [format, access, redirects, origins, cache rules,
/// country sets, redirect, origin and cache targets, strings, string bytes], then the columns in the order
/// <see cref="Write"/> appends them, then the strings' byte offsets and their bytes (padded to 4).
/// </summary>
public sealed class RulesBinaryWriter
{
    public const string FileName = "rules.bin";

    /// <summary>Version of the layout; data.mjs refuses any other.</summary>
    public const int Format = 1;

    public const int HeaderWords = 11;

    /// <summary>Words of one country set's bitset: 676 two-letter codes ("AA" is 0, "ZZ" 675), as countries.mjs reads them.</summary>
    public const int SetWords = 22;

    /// <summary>String 0 is the request index's text, string 1 the response index's.</summary>
    public const int RequestText = 0;

    public const int ResponseText = 1;

    private readonly List<int> _numbers = [];
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _numbered = [];

    /// <summary>Starts the string table with the two indexes' texts, kept apart even when equal.</summary>
    public RulesBinaryWriter(string requestText, string responseText) => _strings.AddRange([requestText, responseText]);

    /// <summary>The number of <paramref name="text"/> in the string table (null: -1); a repeated text is stored once.</summary>
    public int String(string? text)
    {
        if (text is null)
        {
            return -1;
        }
        if (!_numbered.TryGetValue(text, out var number))
        {
            number = _strings.Count;
            _numbered.Add(text, number);
            _strings.Add(text);
        }
        return number;
    }

    public void Add(int number) => _numbers.Add(number);

    public void AddRange(IEnumerable<int> numbers) => _numbers.AddRange(numbers);

    /// <summary>Each set as 22 words of bits.</summary>
    public void AddCountrySets(IReadOnlyList<IReadOnlyList<string>> sets)
    {
        foreach (var set in sets)
        {
            var bits = new int[SetWords];
            foreach (var code in set)
            {
                var number = CountryNumber(code);
                bits[number >>> 5] |= 1 << (number & 31);
            }
            _numbers.AddRange(bits);
        }
    }

    /// <summary>
    /// Each pattern's length in UTF-16 code units, as JavaScript counts: where it lies in the joined text.
    /// Lengths rather than offsets, since small numbers compress to far fewer bytes.
    /// </summary>
    public void AddLengths(IReadOnlyList<string> patterns) => _numbers.AddRange(patterns.Select(p => p.Length));

    /// <summary>The file: <paramref name="header"/> (without its last two numbers, which are the string table's), the columns, the strings.</summary>
    public byte[] ToArray(IReadOnlyList<int> header)
    {
        var encoded = _strings.Select(Encoding.UTF8.GetBytes).ToList();
        var stringBytes = encoded.Sum(e => e.Length);
        int[] numbers = [.. header, _strings.Count, stringBytes, .. _numbers];
        if (header.Count + 2 != HeaderWords)
        {
            throw new InvalidOperationException($"rules.bin's header has {HeaderWords} numbers, {header.Count + 2} were given.");
        }
        var offsetsAt = numbers.Length * 4;
        var bytesAt = offsetsAt + ((encoded.Count + 1) * 4);
        var file = new byte[bytesAt + ((stringBytes + 3) & ~3)];
        for (var i = 0; i < numbers.Length; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(i * 4), numbers[i]);
        }
        var offset = 0;
        for (var i = 0; i <= encoded.Count; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(offsetsAt + (i * 4)), offset);
            if (i < encoded.Count)
            {
                encoded[i].CopyTo(file, bytesAt + offset);
                offset += encoded[i].Length;
            }
        }
        return file;
    }

    private static int CountryNumber(string code) =>
        code is [>= 'A' and <= 'Z', >= 'A' and <= 'Z']
            ? ((code[0] - 'A') * 26) + (code[1] - 'A')
            : throw new InvalidOperationException($"Country \"{code}\" is not a two-letter upper-case code; the validator should have refused it.");
}

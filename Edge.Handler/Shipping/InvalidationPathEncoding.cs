using System.Text;

namespace EdgePortal.Edge.Shipping;

/// <summary>
/// Turns planned paths into the paths CloudFront's CreateInvalidation wants. Its guide ("Specifying the objects to
/// invalidate") says: URL-encode non-ASCII characters and the characters RFC 1738 calls unsafe, and do not encode
/// any other character, or CloudFront will not invalidate the old version. So <c>/</c>, <c>*</c>, <c>?</c>, <c>&amp;</c>
/// and the like pass as they are; a space becomes <c>%20</c> and <c>é</c> its UTF-8 bytes, <c>%C3%A9</c>. An
/// existing escape (<c>%</c> and two hex digits) is kept, so encoding twice changes nothing.
/// </summary>
public static class InvalidationPathEncoding
{
    /// <summary>RFC 1738's unsafe characters, the space and <c>%</c> aside (handled on their own).</summary>
    private const string Unsafe = "\"<>#{}|\\^~[]`";

    public static string Encode(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var encoded = new StringBuilder(path.Length);
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
            {
                encoded.Append(c);
            }
            else if (c > ' ' && c < 0x7F && c != '%' && !Unsafe.Contains(c))
            {
                encoded.Append(c);
            }
            else
            {
                var length = char.IsHighSurrogate(c) && i + 1 < path.Length
                    ? Encoding.UTF8.GetBytes(path.AsSpan(i++, 2), utf8)
                    : Encoding.UTF8.GetBytes(path.AsSpan(i, 1), utf8);
                foreach (var b in utf8[..length])
                {
                    encoded.Append('%').Append(Convert.ToHexString([b]));
                }
            }
        }
        return encoded.ToString();
    }

    public static IReadOnlyList<string> EncodeAll(IEnumerable<string> paths) => [.. paths.Select(Encode)];

    /// <summary>True when CloudFront would refuse <paramref name="path"/> as sent: a space, a control or a non-ASCII character left unencoded.</summary>
    public static bool HasUnencoded(string path) => path.Any(c => c <= ' ' || c >= 0x7F);

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}

using System.Security.Cryptography;
using System.Text;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// The token a user sees once: <c>ept_</c> and 32 random bytes in base64url. 256 bits need no slow hash
/// (nobody can guess them), so the database holds a plain SHA-256 and a request is one indexed look-up.
/// </summary>
public static class ApiTokenSecret
{
    public const string Scheme = "ept_";

    /// <summary>Longer than any token this portal hands out; anything longer is refused before it is hashed.</summary>
    public const int MaxLength = 100;

    private const int PrefixLength = 12;

    public static string Generate() => Scheme + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>What the token list shows: enough to tell tokens apart, far too little to use.</summary>
    public static string Prefix(string token) => token[..Math.Min(PrefixLength, token.Length)];

    /// <summary>True for something shaped like a token: worth a database look-up.</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: > 4 and <= MaxLength } && text.StartsWith(Scheme, StringComparison.Ordinal)
        && text.AsSpan(Scheme.Length).ContainsAnyExcept(_base64UrlAlphabet) is false;

    private static readonly System.Buffers.SearchValues<char> _base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

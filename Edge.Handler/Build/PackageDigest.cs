using System.Security.Cryptography;

namespace EdgePortal.Edge.Build;

/// <summary>The two ways a package's SHA-256 is written: lower-case hex for people, base64 as Lambda's <c>CodeSha256</c>.</summary>
public readonly record struct PackageDigest(string Sha256, string CodeSha256)
{
    public static PackageDigest Of(ReadOnlySpan<byte> zip)
    {
        var digest = SHA256.HashData(zip);
        return new PackageDigest(Convert.ToHexStringLower(digest), Convert.ToBase64String(digest));
    }
}

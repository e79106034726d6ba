using System.Security.Cryptography;

namespace EdgePortal.Edge.Publishing;

/// <summary>Lambda's CodeSha256: base64 of the raw SHA-256 of the zip.</summary>
public static class PackageHash
{
    public static string CodeSha256(ReadOnlySpan<byte> zip) => Convert.ToBase64String(SHA256.HashData(zip));
}

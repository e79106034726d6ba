using EdgePortal.Edge.Build;

namespace EdgePortal.Edge.Publishing;

/// <summary>Lambda's CodeSha256: base64 of the raw SHA-256 of the zip.</summary>
public static class PackageHash
{
    public static string CodeSha256(ReadOnlySpan<byte> zip) => PackageDigest.Of(zip).CodeSha256;
}

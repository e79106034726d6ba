namespace EdgePortal.Edge.Build;

/// <summary>A built handler package: the zip and what publishing and people need to know about it.</summary>
public sealed class HandlerBuild
{
    public HandlerBuild(byte[] zip, string revisionId, string documentSha256, long uncompressedBytes)
    {
        Zip = zip;
        RevisionId = revisionId;
        DocumentSha256 = documentSha256;
        UncompressedBytes = uncompressedBytes;
        (Sha256, CodeSha256) = PackageDigest.Of(zip);
    }

    /// <summary>The zip's bytes; the same document, revision id and hash give the same bytes.</summary>
    public byte[] Zip { get; }

    public string RevisionId { get; }

    public string DocumentSha256 { get; }

    /// <summary>Lower-case hex SHA-256 of the zip.</summary>
    public string Sha256 { get; }

    /// <summary>What Lambda reports as <c>CodeSha256</c>: base64 of the raw SHA-256 of the zip.</summary>
    public string CodeSha256 { get; }

    public long CompressedBytes => Zip.Length;

    public long UncompressedBytes { get; }
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Edge.Build;

/// <summary>
/// Compiles a rules document into a Lambda@Edge package: the runtime modules joined into index.mjs
/// (<see cref="RuntimeBundle"/>; handler <c>index.handler</c>) plus rules.json (the revision id, the document's hash, geo),
/// rules.bin with the compiled tables in binary, and index.bin with the path indexes ready-made whenever the
/// package stays within the limit of the triggers it is built for (origin triggers, 50 MB, unless told otherwise).
/// Nothing time- or machine-dependent goes in, so a revision always builds to the same bytes.
/// </summary>
public static class HandlerBuilder
{
    private const int MaxRevisionIdLength = 128;

    // The runtime modules joined into the package's one index.mjs; the same for every build.
    private static readonly Lazy<byte[]> _bundle = new(() => RuntimeBundle.Build(RuntimeFiles.All));

    /// <summary>
    /// Builds the package. Throws <see cref="InvalidRulesDocumentException"/> for a document with problems
    /// (nothing invalid is built) and <see cref="HandlerTooLargeException"/> when the zip exceeds
    /// <paramref name="limit"/> (default: origin triggers, 50 MB).
    /// </summary>
    public static HandlerBuild Build(RulesDocument document, string revisionId, string documentSha256, HandlerSizeLimit? limit = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        CheckRevisionId(revisionId);
        CheckSha256(documentSha256);
        limit ??= HandlerSizeLimit.OriginTriggers;
        if (DocumentValidator.Validate(document) is { Count: > 0 } problems)
        {
            throw new InvalidRulesDocumentException(problems);
        }

        var compiled = RulesTableWriter.Write(document, revisionId, documentSha256);
        // In name order: index.bin (when shipped), index.mjs, rules.bin, rules.json. Entries are compressed once.
        List<DeterministicZip.Entry> entries =
        [
            DeterministicZip.Compress(RuntimeFiles.EntryPoint, _bundle.Value),
            DeterministicZip.Compress(RulesBinaryWriter.FileName, compiled.Binary),
            DeterministicZip.Compress(RulesTableWriter.FileName, compiled.Json),
        ];
        if (WorthTryingIndex(document, DeterministicZip.SizeOf(entries), limit))
        {
            // The ready-made index makes cold starts cheap but grows the zip: a package it would push over
            // the limit of its triggers goes without, and the handler builds the index at load instead.
            var index = DeterministicZip.Compress(PathIndexWriter.FileName, compiled.WriteIndex());
            if (limit.Fits(DeterministicZip.SizeOf([index, .. entries])))
            {
                entries.Insert(0, index);
            }
        }
        var zip = DeterministicZip.Write(entries);
        if (!limit.Fits(zip.Length))
        {
            throw new HandlerTooLargeException(zip.Length, limit);
        }
        return new HandlerBuild(zip, revisionId, documentSha256, entries.Sum(e => (long)e.Size));
    }

    /// <summary>
    /// False when index.bin could not fit even at a quarter of its usual size (it compresses to about 15
    /// bytes a rule): a large document then skips making it. A wrong guess only costs a slower cold start.
    /// </summary>
    private static bool WorthTryingIndex(RulesDocument document, long zipWithoutIndex, HandlerSizeLimit limit)
    {
        const int SmallestIndexBytesPerRule = 4;
        return limit.Fits(zipWithoutIndex + ((long)SmallestIndexBytesPerRule * document.RuleCount));
    }

    // The revision id travels in the x-edgeportal-revision response header, so it must be a valid header value.
    private static void CheckRevisionId(string revisionId)
    {
        ArgumentNullException.ThrowIfNull(revisionId);
        if (revisionId.Length is 0 or > MaxRevisionIdLength || revisionId.Any(c => c is < '!' or > '~'))
        {
            throw new ArgumentException(
                $"revisionId must be 1 to {MaxRevisionIdLength} printable ASCII characters without spaces, got \"{revisionId}\".",
                nameof(revisionId));
        }
    }

    private static void CheckSha256(string documentSha256)
    {
        ArgumentNullException.ThrowIfNull(documentSha256);
        if (documentSha256.Length != 64 || !documentSha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException(
                $"documentSha256 must be 64 lower-case hex digits, got \"{documentSha256}\".", nameof(documentSha256));
        }
    }
}

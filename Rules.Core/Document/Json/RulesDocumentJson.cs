using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgePortal.Rules.Document.Json;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Document;

/// <summary>
/// Reads and writes the rules document's JSON form (<c>edgeportal.rules/v1</c>): import, export, the
/// command line, the REST API and revision storage all go through here.
/// </summary>
public static class RulesDocumentJson
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions _options = new()
    {
        // Strict JSON: no comments, no trailing commas. Repeated properties are reported by the reader.
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };

    /// <summary>
    /// Reads a document and validates it. Every problem is reported at once, structural (malformed JSON,
    /// wrong types, unknown properties, bad enum values) and semantic (everything
    /// <see cref="DocumentValidator"/> checks), each with a JSON pointer, in document order.
    /// </summary>
    public static DocumentParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        // Checked before parsing, so that an oversized document costs no more than counting its bytes.
        var bytes = json.Length <= Limits.MaxDocumentBytes / 3 ? json.Length : Encoding.UTF8.GetByteCount(json);
        if (bytes > Limits.MaxDocumentBytes)
        {
            return new DocumentParseResult(null, [new Problem("", Limits.DocumentTooLarge(bytes))]);
        }
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, _options);
        }
        catch (JsonException e)
        {
            return new DocumentParseResult(null, [new Problem("", MalformedMessage(json, e))]);
        }
        using (parsed)
        {
            // Counted on the parsed tree before any rule is read or validated: those cost far more than parsing.
            if (DocumentReader.CountRules(parsed.RootElement) is var rules && rules > Limits.MaxRules)
            {
                return new DocumentParseResult(null, [new Problem("", Limits.TooManyRules(rules))]);
            }
            var problems = new List<Problem>();
            var document = DocumentReader.Read(parsed.RootElement, problems);
            if (document is null)
            {
                return new DocumentParseResult(null, problems);
            }
            // Where the reader already found something wrong, the validator would only repeat it
            // in other words ("must be a string" then "is required"): the reader's finding stands.
            var readerPointers = problems.Where(p => p.Pointer.Length > 0).Select(p => p.Pointer).ToList();
            var semantic = DocumentValidator.Validate(document)
                .Where(p => !readerPointers.Any(r => JsonPointer.IsAtOrUnder(p.Pointer, r)));
            return new DocumentParseResult(document, ProblemOrder.Sort(problems.Concat(semantic)));
        }
    }

    /// <summary>
    /// Reads a document from UTF-8 bytes (an upload, a file, a request body): refuses more than
    /// <see cref="Limits.MaxDocumentBytes"/> and anything that is not UTF-8 (rather than reading it with
    /// replacement characters that would silently change the rules); a byte order mark is tolerated.
    /// </summary>
    public static DocumentParseResult ParseUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > Limits.MaxDocumentBytes)
        {
            return new DocumentParseResult(null, [new Problem("", Limits.DocumentTooLarge(utf8.Length))]);
        }
        return TryDecodeUtf8(utf8, out var text) ? Parse(text) : new DocumentParseResult(null, [new Problem("", Limits.NotUtf8)]);
    }

    /// <summary>Strict UTF-8 decoding (a leading byte order mark dropped); false for bytes that are not UTF-8.</summary>
    public static bool TryDecodeUtf8(ReadOnlySpan<byte> utf8, out string text)
    {
        try
        {
            text = _strictUtf8.GetString(utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>
    /// The canonical JSON text: two-space indentation, properties in spec order, absent values and
    /// empty rule lists left out, "\n" line ends and a final newline, non-ASCII text unescaped.
    /// Writing what was read gives back the same text for a document already in canonical form.
    /// </summary>
    public static string Serialize(RulesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return DocumentWriter.Write(document);
    }

    /// <summary>The canonical JSON text as UTF-8 bytes (no byte order mark).</summary>
    public static byte[] SerializeToUtf8Bytes(RulesDocument document) => Encoding.UTF8.GetBytes(Serialize(document));

    /// <summary>
    /// The document hash: lower-case hex SHA-256 of the canonical UTF-8 bytes. Revisions and handler
    /// packages name the document they hold by it; equal documents have equal hashes.
    /// </summary>
    public static string Sha256(RulesDocument document) => Sha256(Serialize(document));

    /// <summary>The document hash of JSON that is already canonical (what <see cref="Serialize"/> wrote).</summary>
    public static string Sha256(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    private static string MalformedMessage(string json, JsonException e)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return $"the document is empty; a rules document is a JSON object such as {{\"schema\": \"{RulesDocument.SchemaV1}\"}}";
        }
        var reason = e.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }
        if (cut >= 0)
        {
            reason = reason[..cut];
        }
        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        return $"not valid JSON at line {line}, position {position}: {reason.TrimEnd()}";
    }
}

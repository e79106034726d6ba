using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Documents;

/// <summary>
/// The portal's one door to the rules document's JSON (Rules.Core's <see cref="RulesDocumentJson"/>):
/// everything the portal stores, hashes or sends goes through here, so it is canonical everywhere.
/// </summary>
public static class DocumentCodec
{
    /// <summary>Reads and validates a document, reporting every problem.</summary>
    public static DocumentParseResult Read(string json) => RulesDocumentJson.Parse(json);

    /// <summary>Canonical JSON of a document.</summary>
    public static string Write(RulesDocument document) => RulesDocumentJson.Serialize(document);

    /// <summary>Every problem in a document (none for a valid one).</summary>
    public static IReadOnlyList<Problem> Validate(RulesDocument document) => DocumentValidator.Validate(document);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of canonical JSON.</summary>
    public static string Sha256(string canonicalJson) => RulesDocumentJson.Sha256(canonicalJson);

    /// <summary>
    /// Reads a document the portal itself stored. A draft may have problems (drafts may), but it was
    /// written by the canonical writer, so it always reads back whole.
    /// </summary>
    public static RulesDocument ReadStored(string json) =>
        Read(json).Document ?? throw new InvalidOperationException("A stored document could not be read; the database holds JSON the portal did not write.");
}

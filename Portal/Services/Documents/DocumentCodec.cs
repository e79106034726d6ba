using System.Security.Cryptography;
using System.Text;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Documents;

/// <summary>What reading a document gave: the document when it could be read, and every problem found.</summary>
public sealed record DocumentReadResult(RulesDocument? Document, IReadOnlyList<Problem> Problems)
{
    public bool IsValid => Document is not null && Problems.Count == 0;
}

/// <summary>
/// The portal's one seam to the rules document's JSON: everything the portal stores or sends goes
/// through here, so that it is canonical and hashed the same way everywhere.
/// </summary>
/// <remarks>
/// Until <c>RulesDocumentJson</c> (branch <c>json</c>) lands on main this uses <see cref="InterimDocumentJson"/>;
/// then these three methods call <c>RulesDocumentJson.Parse</c>, <c>RulesDocumentJson.Serialize</c> and
/// <c>DocumentValidator.Validate</c> and the interim class goes.
/// </remarks>
public static class DocumentCodec
{
    /// <summary>Reads and validates a document.</summary>
    public static DocumentReadResult Read(string json) => InterimDocumentJson.Read(json);

    /// <summary>Canonical JSON of a document.</summary>
    public static string Write(RulesDocument document) => InterimDocumentJson.Write(document);

    /// <summary>Every problem in a document (none for a valid one).</summary>
    public static IReadOnlyList<Problem> Validate(RulesDocument document) => InterimDocumentJson.Validate(document);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 bytes of canonical JSON.</summary>
    public static string Sha256(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

    /// <summary>Reads a document the portal itself stored (always readable, maybe with problems).</summary>
    public static RulesDocument ReadStored(string json) =>
        Read(json).Document ?? throw new InvalidOperationException("A stored document could not be read; the database holds JSON the portal did not write.");
}

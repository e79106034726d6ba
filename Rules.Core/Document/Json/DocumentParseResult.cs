using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Document;

/// <summary>
/// The outcome of <see cref="RulesDocumentJson.Parse"/>: the document as far as it could be read and
/// every problem found in it, structural and semantic, in document order.
/// </summary>
/// <param name="Document">
/// The document read; null only when the text is not JSON at all or its root is not an object.
/// When there are problems this is a partial read: use it only when <see cref="IsValid"/> is true.
/// </param>
/// <param name="Problems">Every problem, each with a JSON pointer and a sentence a person understands.</param>
public sealed record DocumentParseResult(RulesDocument? Document, IReadOnlyList<Problem> Problems)
{
    /// <summary>True when the document was read and has no problem at all.</summary>
    public bool IsValid => Document is not null && Problems.Count == 0;
}

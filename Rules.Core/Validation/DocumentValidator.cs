using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Validation;

/// <summary>Checks a document against every rule of the contract; see docs/rules-document.md.</summary>
public static class DocumentValidator
{
    /// <summary>Every problem of the document at once, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<Problem> Validate(RulesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new List<Problem>();
        if (document.Schema != RulesDocument.SchemaV1)
        {
            problems.Add(new Problem("/schema", $"schema must be \"{RulesDocument.SchemaV1}\""));
        }
        return problems;
    }
}

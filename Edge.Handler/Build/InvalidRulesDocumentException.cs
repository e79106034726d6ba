using EdgePortal.Rules.Validation;

namespace EdgePortal.Edge.Build;

/// <summary>The document given to the builder has problems; nothing was built.</summary>
public sealed class InvalidRulesDocumentException(IReadOnlyList<Problem> problems) : Exception(
    $"The rules document is not valid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}), so no handler was built: " +
    string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? "; …" : "."))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>What a merge conflict is about and each side's value, in words an author reads in the editor.</summary>
public static class MergeConflictText
{
    /// <summary>"redirect ca-home", "geo: countries", "order of redirects".</summary>
    public static string Subject(MergeConflict conflict) => conflict.Area switch
    {
        MergeArea.Rule => $"{conflict.Section!.Value.RuleNoun()} {conflict.Name}",
        MergeArea.Order => $"order of {conflict.Section!.Value.JsonName()}",
        MergeArea.Geo => $"geo: {conflict.Name}",
        MergeArea.BlockedResponse => $"blocked response: {conflict.Name}",
        _ => conflict.Name,
    };

    /// <summary>One side's value; a rule as its id and what it does, a missing rule as removed.</summary>
    public static string Value(MergeConflict conflict, object? value) => value switch
    {
        null when conflict.Area == MergeArea.Rule => "(none: removed or not added)",
        null => "(not set)",
        IRule rule => $"{rule.Path}: {RuleSummary.Describe(rule)}",
        EquatableArray<string> { IsEmpty: true } => "(empty)",
        EquatableArray<string> items => string.Join(", ", items),
        Enum e => e.ToString().ToLowerInvariant(),
        _ => value.ToString() ?? "",
    };
}

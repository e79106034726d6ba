using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Merge;

/// <summary>What a conflict is about.</summary>
public enum MergeArea
{
    /// <summary>A document-level field (<c>schema</c>).</summary>
    Document,
    /// <summary>One field of <c>geo</c>.</summary>
    Geo,
    /// <summary>One field of <c>blockedResponse</c>.</summary>
    BlockedResponse,
    /// <summary>One rule, whole: changed, added or removed differently on the two sides.</summary>
    Rule,
    /// <summary>The order of a section's rules: both sides reordered it, differently.</summary>
    Order,
}

/// <summary>Which side's value a conflict takes.</summary>
public enum MergeChoice
{
    /// <summary>The live document's value (what a conflict resolves to until someone chooses).</summary>
    Theirs,
    /// <summary>The change set's value.</summary>
    Yours,
}

/// <summary>
/// One thing both sides changed, differently, since the base. Values are of the field's type, an
/// <see cref="IRule"/> (null when that side has no such rule), or for <see cref="MergeArea.Order"/>
/// the ids of the rules all three documents hold, in each side's order.
/// </summary>
/// <param name="Key">Stable name for choosing: <c>redirects/ca</c>, <c>redirects#order</c>, <c>geo/mode</c>, <c>blockedResponse/body</c>, <c>schema</c>.</param>
/// <param name="Area">What kind of thing is in conflict.</param>
/// <param name="Section">The rule section, for <see cref="MergeArea.Rule"/> and <see cref="MergeArea.Order"/>.</param>
/// <param name="Name">The rule id, or the field's JSON name (<c>mode</c>, <c>body</c>); <c>order</c> for an order conflict.</param>
/// <param name="Base">The value both sides started from.</param>
/// <param name="Theirs">The live document's value.</param>
/// <param name="Yours">The change set's value.</param>
public sealed record MergeConflict(string Key, MergeArea Area, RuleSection? Section, string Name, object? Base, object? Theirs, object? Yours);

using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Diff;

/// <summary>What kind of change a rule went through between two revisions.</summary>
public enum RuleChangeKind
{
    /// <summary>The rule exists only in the new document.</summary>
    Added,
    /// <summary>The rule exists only in the old document.</summary>
    Removed,
    /// <summary>The rule kept its id but some fields changed.</summary>
    Changed,
    /// <summary>The rule's precedence changed: its order relative to the rules both documents share.</summary>
    Moved,
}

/// <summary>
/// One field that differs: its JSON name and its literal values as JSON text (<c>301</c>, <c>"https://…"</c>,
/// <c>["DE","AT"]</c>); null when the field is absent on that side.
/// </summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>
/// One change to one rule. <see cref="OldIndex"/> and <see cref="NewIndex"/> are zero-based positions in the
/// section (null on the side where the rule does not exist); <see cref="Fields"/> is filled for
/// <see cref="RuleChangeKind.Changed"/>. A rule that changed and moved appears twice, once per kind.
/// </summary>
public sealed record RuleChange(
    RuleChangeKind Kind,
    string RuleId,
    int? OldIndex,
    int? NewIndex,
    EquatableArray<FieldChange> Fields);

/// <summary>The changes of one rule section, in the order the sentences describe them.</summary>
public sealed record SectionChanges(RuleSection Section, EquatableArray<RuleChange> Changes);

/// <summary>
/// The difference between two documents: top-level fields (<c>schema</c>), field changes of <c>geo</c> and
/// <c>blockedResponse</c>, rule changes per section (only sections that changed), and one plain sentence per
/// change for a reviewer.
/// </summary>
public sealed record DocumentChanges(
    EquatableArray<FieldChange> Document,
    EquatableArray<FieldChange> Geo,
    EquatableArray<FieldChange> BlockedResponse,
    EquatableArray<SectionChanges> Sections,
    EquatableArray<string> Sentences)
{
    /// <summary>No change at all.</summary>
    public static DocumentChanges None { get; } = new([], [], [], [], []);

    /// <summary>True when the two documents are equal.</summary>
    public bool IsEmpty => Document.IsEmpty && Geo.IsEmpty && BlockedResponse.IsEmpty && Sections.IsEmpty && Sentences.IsEmpty;

    /// <summary>Number of changes (each top-level, geo and blocked response field counts one).</summary>
    public int Count => Document.Count + Geo.Count + BlockedResponse.Count + Sections.Sum(s => s.Changes.Count);
}

namespace EdgePortal.Rules.Document;

/// <summary>
/// The one way to read and change a rule section of a document, by position or by id. Every change
/// returns a new document; the position in a section is the rule's precedence (first match wins), so
/// moving a rule changes what applies. One rule for bad input everywhere: a position outside the
/// section throws <see cref="ArgumentOutOfRangeException"/> naming <c>index</c> (or <c>from</c>/<c>to</c>),
/// an id the section does not hold throws it naming <c>id</c>, and a rule of another section's type
/// throws <see cref="ArgumentException"/> naming <c>rule</c>. Messages are sentences a person can act on.
/// </summary>
public static class DocumentSections
{
    /// <summary>The section's rules in precedence order, without copying them.</summary>
    public static IReadOnlyList<IRule> Rules(this RulesDocument document, RuleSection section) => SectionSlot.Of(section).Read(document);

    /// <summary>The position of the first rule with that id, or -1.</summary>
    public static int IndexOf(this RulesDocument document, RuleSection section, string id)
    {
        var rules = document.Rules(section);
        for (var i = 0; i < rules.Count; i++)
        {
            if (string.Equals(rules[i].Id, id, StringComparison.Ordinal))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The rule with that id.</summary>
    public static IRule Rule(this RulesDocument document, RuleSection section, string id) =>
        document.Rules(section)[IndexOfExisting(document, section, id)];

    /// <summary>The document with the section's rules replaced by <paramref name="rules"/>, in that order.</summary>
    public static RulesDocument WithRules(this RulesDocument document, RuleSection section, IEnumerable<IRule> rules) =>
        SectionSlot.Of(section).With(document, rules);

    /// <summary>The rule at <paramref name="index"/> replaced by <paramref name="rule"/> (which may carry a new id).</summary>
    public static RulesDocument ReplaceRule(this RulesDocument document, RuleSection section, int index, IRule rule)
    {
        CheckIndex(document, section, index, nameof(index), extra: 0);
        return SectionSlot.Of(section).Replace(document, index, rule);
    }

    /// <summary>The rule with that id replaced by <paramref name="rule"/>, in the same position.</summary>
    public static RulesDocument ReplaceRule(this RulesDocument document, RuleSection section, string id, IRule rule) =>
        SectionSlot.Of(section).Replace(document, IndexOfExisting(document, section, id), rule);

    /// <summary>Inserts before the rule now at <paramref name="index"/>; the section's count appends.</summary>
    public static RulesDocument InsertRule(this RulesDocument document, RuleSection section, int index, IRule rule)
    {
        CheckIndex(document, section, index, nameof(index), extra: 1);
        return SectionSlot.Of(section).Insert(document, index, rule);
    }

    /// <summary>Appends the rule: it applies after every rule already in the section.</summary>
    public static RulesDocument AddRule(this RulesDocument document, RuleSection section, IRule rule) =>
        SectionSlot.Of(section).Insert(document, document.Rules(section).Count, rule);

    /// <summary>The section without the rule at <paramref name="index"/>; the rules after it move up one.</summary>
    public static RulesDocument RemoveRule(this RulesDocument document, RuleSection section, int index)
    {
        CheckIndex(document, section, index, nameof(index), extra: 0);
        return SectionSlot.Of(section).Remove(document, index);
    }

    /// <summary>The section without the rule with that id.</summary>
    public static RulesDocument RemoveRule(this RulesDocument document, RuleSection section, string id) =>
        SectionSlot.Of(section).Remove(document, IndexOfExisting(document, section, id));

    /// <summary>Moves the rule at <paramref name="from"/> so that it ends up at <paramref name="to"/>.</summary>
    public static RulesDocument MoveRule(this RulesDocument document, RuleSection section, int from, int to)
    {
        CheckIndex(document, section, from, nameof(from), extra: 0);
        CheckIndex(document, section, to, nameof(to), extra: 0);
        return SectionSlot.Of(section).Move(document, from, to);
    }

    /// <summary>Moves the rule with that id so that it ends up at <paramref name="to"/>.</summary>
    public static RulesDocument MoveRule(this RulesDocument document, RuleSection section, string id, int to) =>
        document.MoveRule(section, IndexOfExisting(document, section, id), to);

    private static void CheckIndex(RulesDocument document, RuleSection section, int index, string name, int extra)
    {
        var count = document.Rules(section).Count;
        if (index < 0 || index >= count + extra)
        {
            throw new ArgumentOutOfRangeException(name, index,
                $"There is no {section.RuleNoun()} number {index + 1} in {section.JsonName()} (it has {count}).");
        }
    }

    private static int IndexOfExisting(RulesDocument document, RuleSection section, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var index = document.IndexOf(section, id);
        return index >= 0
            ? index
            : throw new ArgumentOutOfRangeException(nameof(id), id, $"There is no {section.RuleNoun()} with id \"{id}\" in {section.JsonName()}.");
    }
}

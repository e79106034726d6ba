using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Diff;

/// <summary>Compares two revisions of a rules document for review.</summary>
public static class DocumentDiff
{
    /// <summary>
    /// The changes from <paramref name="old"/> to <paramref name="new"/>. Rules are matched by id within a
    /// section; a rule whose order relative to the rules both documents keep changed is reported as moved.
    /// Comparing a document with an equal one gives <see cref="DocumentChanges.None"/>.
    /// </summary>
    public static DocumentChanges Compare(RulesDocument old, RulesDocument @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var document = RuleFields.Compare([("schema", JsonText.Of(old.Schema))], [("schema", JsonText.Of(@new.Schema))]);
        var geo = RuleFields.CompareSection("geo", old.Geo, @new.Geo, RuleFields.Of);
        var blocked = RuleFields.CompareSection("blockedResponse", old.BlockedResponse, @new.BlockedResponse, RuleFields.Of);
        var sections = new List<SectionChanges>();
        var sentences = new List<string>();
        sentences.AddRange(document.Select(c => $"The schema is now {c.After ?? "absent"} instead of {c.Before ?? "absent"}."));
        sentences.AddRange(GeoSentences.Describe(old.Geo, @new.Geo, geo));
        sentences.AddRange(GeoSentences.DescribeBlockedResponse(old.EffectiveBlockedResponse, @new.EffectiveBlockedResponse, blocked));
        foreach (var section in RuleSections.All)
        {
            var oldRules = old.Rules(section);
            var newRules = @new.Rules(section);
            var changes = CompareSection(oldRules, newRules);
            if (changes.Count == 0)
            {
                continue;
            }
            sections.Add(new SectionChanges(section, [.. changes]));
            sentences.AddRange(RuleSentences.Describe(section, changes, oldRules, newRules));
        }
        return new DocumentChanges(document, geo, blocked, [.. sections], [.. sentences]);
    }

    private static List<RuleChange> CompareSection(IReadOnlyList<IRule> oldRules, IReadOnlyList<IRule> newRules)
    {
        var oldIndex = IndexById(oldRules);
        var newIndex = IndexById(newRules);
        var changes = new List<RuleChange>();
        for (var i = 0; i < oldRules.Count; i++)
        {
            if (!newIndex.ContainsKey(oldRules[i].Id))
            {
                changes.Add(new RuleChange(RuleChangeKind.Removed, oldRules[i].Id, i, null, []));
            }
        }
        var moved = MovedIds(oldRules, newRules, oldIndex, newIndex);
        for (var j = 0; j < newRules.Count; j++)
        {
            var rule = newRules[j];
            if (!oldIndex.TryGetValue(rule.Id, out var i))
            {
                changes.Add(new RuleChange(RuleChangeKind.Added, rule.Id, null, j, []));
                continue;
            }
            var fields = oldRules[i].Equals(rule) ? [] : RuleFields.Compare(RuleFields.Of(oldRules[i]), RuleFields.Of(rule));
            if (!fields.IsEmpty)
            {
                changes.Add(new RuleChange(RuleChangeKind.Changed, rule.Id, i, j, fields));
            }
            if (moved.Contains(rule.Id))
            {
                changes.Add(new RuleChange(RuleChangeKind.Moved, rule.Id, i, j, []));
            }
        }
        return changes;
    }

    // Ids are unique in a valid document; should a duplicate slip through, the first one is the one compared.
    private static Dictionary<string, int> IndexById(IReadOnlyList<IRule> rules)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            index.TryAdd(rules[i].Id, i);
        }
        return index;
    }

    private static HashSet<string> MovedIds(
        IReadOnlyList<IRule> oldRules, IReadOnlyList<IRule> newRules, Dictionary<string, int> oldIndex, Dictionary<string, int> newIndex)
    {
        var oldOrder = oldRules.Where((r, i) => oldIndex[r.Id] == i && newIndex.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        var newOrder = newRules.Where((r, j) => newIndex[r.Id] == j && oldIndex.ContainsKey(r.Id)).Select(r => r.Id).ToList();
        var kept = Alignment.CommonSubsequence(oldOrder, newOrder, StringComparer.Ordinal).Select(p => oldOrder[p.Old]).ToHashSet(StringComparer.Ordinal);
        return [.. oldOrder.Where(id => !kept.Contains(id))];
    }
}

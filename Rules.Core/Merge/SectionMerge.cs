using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Merge;

/// <summary>
/// One rule section: rules are matched by id and merged whole, then ordered. Order is merged apart from
/// content because in these sections position is precedence (first match wins): see <see cref="Order"/>.
/// </summary>
internal static class SectionMerge
{
    public static IReadOnlyList<IRule> Merge(MergeRun run, RuleSection section, IReadOnlyList<IRule> @base, IReadOnlyList<IRule> theirs, IReadOnlyList<IRule> yours)
    {
        // Most merges leave most sections alone on one side; answer those without building anything.
        if (theirs.SequenceEqual(@base))
        {
            return yours;
        }
        if (yours.SequenceEqual(@base) || theirs.SequenceEqual(yours))
        {
            return theirs;
        }
        KeyedRules b = new(@base), t = new(theirs), y = new(yours);
        var merged = new Dictionary<string, IRule>(StringComparer.Ordinal);
        foreach (var key in t.Keys.Concat(y.Keys).Concat(b.Keys).Distinct(StringComparer.Ordinal))
        {
            var rule = run.Pick(b[key], t[key], y[key],
                (bRule, tRule, yRule) => new MergeConflict($"{section.JsonName()}/{key}", MergeArea.Rule, section, key, bRule, tRule, yRule));
            if (rule is not null)
            {
                merged[key] = rule;
            }
        }
        return [.. Order(run, section, b, t, y, merged).Select(key => merged[key])];
    }

    /// <summary>
    /// The rules all three documents hold are ordered as the side that reordered them has them (theirs when
    /// neither or both did the same). When both reordered them differently, that is one conflict for the
    /// section. Every other rule (added on one side, or kept by a choice) goes right after the rule that
    /// precedes it on its own side, or first when nothing does.
    /// </summary>
    private static IEnumerable<string> Order(MergeRun run, RuleSection section, KeyedRules b, KeyedRules t, KeyedRules y, Dictionary<string, IRule> merged)
    {
        var common = b.Keys.Where(k => t.Has(k) && y.Has(k)).ToList();
        var inCommon = common.ToHashSet(StringComparer.Ordinal);
        var theirsOrder = t.Keys.Where(inCommon.Contains).ToList();
        var yoursOrder = y.Keys.Where(inCommon.Contains).ToList();
        var theirsMoved = !theirsOrder.SequenceEqual(common);
        var yoursMoved = !yoursOrder.SequenceEqual(common);
        var leader = theirsMoved && yoursMoved && !theirsOrder.SequenceEqual(yoursOrder)
            ? run.Choose(new MergeConflict($"{section.JsonName()}#order", MergeArea.Order, section, "order",
                new EquatableArray<string>(common), new EquatableArray<string>(theirsOrder), new EquatableArray<string>(yoursOrder)))
            : yoursMoved && !theirsMoved ? MergeChoice.Yours : MergeChoice.Theirs;
        var (first, second) = leader == MergeChoice.Theirs ? (t, y) : (y, t);

        var order = new LinkedList<string>(first.Keys.Where(merged.ContainsKey));
        var nodes = new Dictionary<string, LinkedListNode<string>>(StringComparer.Ordinal);
        for (var node = order.First; node is not null; node = node.Next)
        {
            nodes[node.Value] = node;
        }
        LinkedListNode<string>? after = null;
        foreach (var key in second.Keys)
        {
            if (nodes.TryGetValue(key, out var placed))
            {
                after = placed;
            }
            else if (merged.ContainsKey(key))
            {
                after = after is null ? order.AddFirst(key) : order.AddAfter(after, key);
                nodes[key] = after;
            }
        }
        return order;
    }

    /// <summary>
    /// A section's rules by key: the id, and for a second rule with the same id (a draft can hold one
    /// until it is fixed) the id and its occurrence, <c>ca#2</c>. Ids cannot contain <c>#</c>.
    /// </summary>
    private sealed class KeyedRules
    {
        private readonly Dictionary<string, IRule> _byKey = new(StringComparer.Ordinal);

        public KeyedRules(IReadOnlyList<IRule> rules)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                var n = seen[rule.Id] = seen.GetValueOrDefault(rule.Id) + 1;
                var key = n == 1 ? rule.Id : $"{rule.Id}#{n}";
                _byKey[key] = rule;
                Keys.Add(key);
            }
        }

        public List<string> Keys { get; } = [];

        public IRule? this[string key] => _byKey.GetValueOrDefault(key);

        public bool Has(string key) => _byKey.ContainsKey(key);
    }
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Rules.Invalidation;

/// <summary>
/// Which URIs may get another answer because one section changed. At a URI the section's part of the answer
/// depends only on the rules matching it, in order. Rules that exist alike in both documents (same behaviour
/// key) are paired; a URI can change only if it matches an unpaired rule (added, removed or edited), or two
/// paired rules whose order flipped.
/// </summary>
internal static class SectionScope
{
    // Past this many flipped pairs every rule that moved is invalidated whole instead of pair by pair.
    private const int MaxFlippedPairs = 5_000;

    public static void Collect(RuleSection section, IReadOnlyList<IRule> oldRules, IReadOnlyList<IRule> newRules, List<(string Path, string[] Reasons)> wanted)
    {
        var pairs = Pair(oldRules, newRules, out var oldPaired, out var newPaired);
        for (var i = 0; i < oldRules.Count; i++)
        {
            if (!oldPaired[i])
            {
                wanted.Add((InvalidationPaths.ForPattern(oldRules[i].Path), [Reason(section, oldRules[i])]));
            }
        }
        for (var j = 0; j < newRules.Count; j++)
        {
            if (!newPaired[j])
            {
                wanted.Add((InvalidationPaths.ForPattern(newRules[j].Path), [Reason(section, newRules[j])]));
            }
        }
        // Only pairs that flipped with something can be in a flipped pair: usually none, found in linear time.
        var moved = RulesThatFlipped(pairs).ToList();
        if (FlippedPairs(moved, newRules) is not { } flipped)
        {
            foreach (var rule in moved.Select(p => newRules[p.New]))
            {
                wanted.Add((InvalidationPaths.ForPattern(rule.Path), [Reason(section, rule)]));
            }
            return;
        }
        foreach (var (a, b) in flipped)
        {
            // Their order only matters where both match.
            if (PatternAlgebra.Intersects(a.Path, b.Path))
            {
                var path = InvalidationPaths.Narrower(InvalidationPaths.ForPattern(a.Path), InvalidationPaths.ForPattern(b.Path));
                wanted.Add((path, [Reason(section, a), Reason(section, b)]));
            }
        }
    }

    // Pairs (in old order) whose order the new document reverses; null past the bound.
    private static List<(IRule A, IRule B)>? FlippedPairs(List<(int Old, int New)> pairs, IReadOnlyList<IRule> newRules)
    {
        var flipped = new List<(IRule A, IRule B)>();
        for (var p = 0; p < pairs.Count; p++)
        {
            for (var q = p + 1; q < pairs.Count; q++)
            {
                if (pairs[q].New < pairs[p].New)
                {
                    flipped.Add((newRules[pairs[p].New], newRules[pairs[q].New]));
                    if (flipped.Count > MaxFlippedPairs)
                    {
                        return null;
                    }
                }
            }
        }
        return flipped;
    }

    // A pair flipped with some other pair when an earlier one (old order) now comes after it, or a later one
    // now comes before it: one pass each way, whatever the number of flipped pairs.
    private static IEnumerable<(int Old, int New)> RulesThatFlipped(List<(int Old, int New)> pairs)
    {
        var flipped = new bool[pairs.Count];
        var latest = int.MinValue;
        for (var p = 0; p < pairs.Count; p++)
        {
            flipped[p] = latest > pairs[p].New;
            latest = Math.Max(latest, pairs[p].New);
        }
        var earliest = int.MaxValue;
        for (var p = pairs.Count - 1; p >= 0; p--)
        {
            flipped[p] |= earliest < pairs[p].New;
            earliest = Math.Min(earliest, pairs[p].New);
        }
        return pairs.Where((_, p) => flipped[p]);
    }

    public static string Reason(RuleSection section, IRule rule) => $"{section.JsonName()}/{rule.Id}";

    // Pairs the k-th occurrence of a behaviour key in the old list with its k-th occurrence in the new one.
    private static List<(int Old, int New)> Pair(IReadOnlyList<IRule> oldRules, IReadOnlyList<IRule> newRules, out bool[] oldPaired, out bool[] newPaired)
    {
        var waiting = new Dictionary<IRule, Queue<int>>();
        for (var j = 0; j < newRules.Count; j++)
        {
            var key = BehaviorKey.Of(newRules[j]);
            if (!waiting.TryGetValue(key, out var queue))
            {
                waiting[key] = queue = new Queue<int>();
            }
            queue.Enqueue(j);
        }
        oldPaired = new bool[oldRules.Count];
        newPaired = new bool[newRules.Count];
        var pairs = new List<(int, int)>();
        for (var i = 0; i < oldRules.Count; i++)
        {
            if (waiting.TryGetValue(BehaviorKey.Of(oldRules[i]), out var queue) && queue.Count > 0)
            {
                var j = queue.Dequeue();
                oldPaired[i] = true;
                newPaired[j] = true;
                pairs.Add((i, j));
            }
        }
        return pairs;
    }
}

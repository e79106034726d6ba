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
        var flipped = new List<(IRule A, IRule B)>();
        for (var p = 0; p < pairs.Count && flipped.Count <= MaxFlippedPairs; p++)
        {
            for (var q = p + 1; q < pairs.Count && flipped.Count <= MaxFlippedPairs; q++)
            {
                // pairs are in old order; a later pair that comes first in the new document flipped.
                if (pairs[q].New < pairs[p].New)
                {
                    flipped.Add((newRules[pairs[p].New], newRules[pairs[q].New]));
                }
            }
        }
        if (flipped.Count > MaxFlippedPairs)
        {
            foreach (var rule in flipped.SelectMany(f => new[] { f.A, f.B }).Distinct())
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

namespace EdgePortal.Rules.Lint;

/// <summary>
/// Questions about the sets of URIs that CloudFront path patterns match (<c>*</c> any run, <c>?</c> one
/// character, everything else literal and case-sensitive). A pattern only tells its literal characters apart
/// from "anything else", so working over the literals of both patterns plus one stand-in for every other
/// character gives exact answers. When a search grows past a bound the answers lean the safe way:
/// <see cref="Covers"/> says false and <see cref="Intersects"/> says true.
/// </summary>
public static class PatternAlgebra
{
    private const int MaxStates = 100_000;

    /// <summary>True when every URI that <paramref name="inner"/> matches is also matched by <paramref name="outer"/>.</summary>
    public static bool Covers(string outer, string inner)
    {
        if (outer == inner || outer == "*" || IsMatchAllFromRoot(outer) && inner.StartsWith('/'))
        {
            return true;
        }
        // Every URI of inner starts with inner's literal head; outer needs its own head there, which a
        // wildcard of inner could always spell otherwise. Likewise at the tail.
        if (!Head(inner).StartsWith(Head(outer), StringComparison.Ordinal) || !Tail(inner).EndsWith(Tail(outer), StringComparison.Ordinal))
        {
            return false;
        }
        var alphabet = Alphabet(outer, inner);
        var a = new GlobNfa(outer);
        var b = new GlobNfa(inner);
        var start = (B: b.Closure(0), A: a.Start());
        var seen = new HashSet<(int, StateSet)> { start };
        var queue = new Queue<(int B, StateSet A)>([start]);
        while (queue.Count > 0)
        {
            var (j, set) = queue.Dequeue();
            if (j == b.Final && !set.Contains(a.Final))
            {
                return false;
            }
            foreach (var c in alphabet)
            {
                var (advance, stay) = b.Next(j, c);
                if (advance is null && stay is null)
                {
                    continue;
                }
                var nextSet = a.Step(set, c);
                foreach (var next in (int?[])[advance, stay])
                {
                    if (next is { } n && seen.Add((n, nextSet)))
                    {
                        if (seen.Count > MaxStates)
                        {
                            return false;
                        }
                        queue.Enqueue((n, nextSet));
                    }
                }
            }
        }
        return true;
    }

    /// <summary>True when some URI matches both patterns.</summary>
    public static bool Intersects(string first, string second)
    {
        // A common URI starts with both literal heads and ends with both literal tails.
        if (!OnePrefixesOther(Head(first), Head(second)) || !OneSuffixesOther(Tail(first), Tail(second)))
        {
            return false;
        }
        var alphabet = Alphabet(first, second);
        var a = new GlobNfa(first);
        var b = new GlobNfa(second);
        var start = (a.Closure(0), b.Closure(0));
        var seen = new HashSet<(int, int)> { start };
        var queue = new Queue<(int A, int B)>([start]);
        while (queue.Count > 0)
        {
            var (i, j) = queue.Dequeue();
            if (i == a.Final && j == b.Final)
            {
                return true;
            }
            foreach (var c in alphabet)
            {
                var (aAdvance, aStay) = a.Next(i, c);
                var (bAdvance, bStay) = b.Next(j, c);
                foreach (var ni in (int?[])[aAdvance, aStay])
                {
                    foreach (var nj in (int?[])[bAdvance, bStay])
                    {
                        if (ni is { } x && nj is { } y && seen.Add((x, y)))
                        {
                            if (seen.Count > MaxStates)
                            {
                                return true;
                            }
                            queue.Enqueue((x, y));
                        }
                    }
                }
            }
        }
        return false;
    }

    // The literal characters before the first wildcard and after the last one (the whole pattern when it has none).
    private static ReadOnlySpan<char> Head(string pattern)
    {
        var first = pattern.AsSpan().IndexOfAny('*', '?');
        return first < 0 ? pattern : pattern.AsSpan(0, first);
    }

    private static ReadOnlySpan<char> Tail(string pattern)
    {
        var last = pattern.AsSpan().LastIndexOfAny('*', '?');
        return last < 0 ? pattern : pattern.AsSpan(last + 1);
    }

    private static bool OnePrefixesOther(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal);

    private static bool OneSuffixesOther(ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal);

    private static bool IsMatchAllFromRoot(string pattern) => pattern == "/*";

    // The literal characters of both patterns, plus one character neither contains.
    private static char[] Alphabet(string first, string second)
    {
        var literals = new HashSet<char>(first.Where(c => c is not ('*' or '?')).Concat(second.Where(c => c is not ('*' or '?'))));
        var other = '\u0001';
        while (literals.Contains(other) || other is '*' or '?')
        {
            other++;
        }
        literals.Add(other);
        return [.. literals.Order()];
    }
}

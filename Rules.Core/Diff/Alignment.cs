namespace EdgePortal.Rules.Diff;

/// <summary>Longest common subsequence of two lists: what stayed in the same relative order.</summary>
internal static class Alignment
{
    /// <summary>
    /// Index pairs (old, new) of a longest common subsequence, in order. Items outside it were added,
    /// removed or moved. Quadratic, which is fine for documents of a few thousand rules per section.
    /// </summary>
    public static IReadOnlyList<(int Old, int New)> CommonSubsequence<T>(IReadOnlyList<T> old, IReadOnlyList<T> @new, IEqualityComparer<T>? comparer = null)
    {
        comparer ??= EqualityComparer<T>.Default;
        int n = old.Count, m = @new.Count;
        // Trim the equal head and tail first: most revisions change a few rules in the middle.
        var head = 0;
        while (head < n && head < m && comparer.Equals(old[head], @new[head]))
        {
            head++;
        }
        var tail = 0;
        while (tail < n - head && tail < m - head && comparer.Equals(old[n - 1 - tail], @new[m - 1 - tail]))
        {
            tail++;
        }
        var pairs = new List<(int, int)>();
        for (var i = 0; i < head; i++)
        {
            pairs.Add((i, i));
        }
        int rows = n - head - tail, cols = m - head - tail;
        var lengths = new int[rows + 1, cols + 1];
        for (var i = rows - 1; i >= 0; i--)
        {
            for (var j = cols - 1; j >= 0; j--)
            {
                lengths[i, j] = comparer.Equals(old[head + i], @new[head + j])
                    ? lengths[i + 1, j + 1] + 1
                    : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
            }
        }
        for (int i = 0, j = 0; i < rows && j < cols;)
        {
            if (comparer.Equals(old[head + i], @new[head + j]))
            {
                pairs.Add((head + i, head + j));
                i++;
                j++;
            }
            else if (lengths[i + 1, j] >= lengths[i, j + 1])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        for (var k = tail; k > 0; k--)
        {
            pairs.Add((n - k, m - k));
        }
        return pairs;
    }
}

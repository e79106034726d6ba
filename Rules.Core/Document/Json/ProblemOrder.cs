using System.Globalization;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Document.Json;

/// <summary>
/// Orders problems by where they are in the document, in canonical property order and list order,
/// so that the reader's and the validator's findings read as one list from top to bottom.
/// </summary>
internal static class ProblemOrder
{
    public static IReadOnlyList<Problem> Sort(IEnumerable<Problem> problems) =>
        // OrderBy is stable: problems at the same place keep the order they were found in.
        [.. problems.OrderBy(p => Key(p.Pointer), KeyComparer.Instance)];

    private static int[] Key(string pointer)
    {
        var shape = JsonShape.Document;
        var segments = JsonPointer.Segments(pointer);
        var key = new int[segments.Count];
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                key[i] = index;
                continue;
            }
            key[i] = shape?.RankOf(segment) ?? 0;
            shape = shape is not null && shape.Children.TryGetValue(segment, out var child) ? child : null;
        }
        return key;
    }

    private sealed class KeyComparer : IComparer<int[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            x ??= [];
            y ??= [];
            for (var i = 0; i < Math.Min(x.Length, y.Length); i++)
            {
                var order = x[i].CompareTo(y[i]);
                if (order != 0)
                {
                    return order;
                }
            }
            // A problem about an object comes before the problems inside it.
            return x.Length.CompareTo(y.Length);
        }
    }
}

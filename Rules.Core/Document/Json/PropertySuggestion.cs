namespace EdgePortal.Rules.Document.Json;

/// <summary>Finds the known property an unknown one was probably meant to be ("loction" → "location").</summary>
internal static class PropertySuggestion
{
    public static string? Nearest(string name, IReadOnlyList<string> known)
    {
        var folded = Fold(name);
        var exact = known.FirstOrDefault(k => Fold(k) == folded);
        if (exact is not null)
        {
            return exact;
        }
        // Short names tolerate one slip, longer ones two: "mod" must not become "id".
        var allowed = folded.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = Distance(folded, Fold(candidate));
            if (distance <= allowed && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    // Case, dashes and underscores are the usual slips between naming conventions (max_age, MaxAge).
    private static string Fold(string name) =>
        new([.. name.ToLowerInvariant().Where(c => c is not ('-' or '_' or ' '))]);

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}

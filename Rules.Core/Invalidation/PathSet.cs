namespace EdgePortal.Rules.Invalidation;

/// <summary>
/// Invalidation paths being planned, kept sorted and free of paths covered by others. An entry's key is the
/// exact path, or for a wildcard the part before the <c>*</c>; in sorted order the entries a wildcard covers
/// follow it directly, so coverage and merging work on neighbours.
/// </summary>
internal sealed class PathSet
{
    private List<Entry> _entries = [];

    private sealed record Entry(string Key, bool IsWildcard, SortedSet<string> Reasons)
    {
        public string Path => IsWildcard ? Key + "*" : Key;
    }

    public int Count => _entries.Count;

    public int WildcardCount => _entries.Count(e => e.IsWildcard);

    public bool Contains(string path) => _entries.Any(e => e.Path == path);

    public void Add(string path, IEnumerable<string> reasons)
    {
        var wildcard = path.EndsWith('*');
        _entries.Add(new Entry(wildcard ? path[..^1] : path, wildcard, new SortedSet<string>(reasons, StringComparer.Ordinal)));
    }

    /// <summary>Sorts, joins duplicates and drops every path another one covers (its reasons move to the one that covers it).</summary>
    public void Normalize()
    {
        var sorted = _entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ThenBy(e => e.IsWildcard ? 0 : 1)
            .ToList();
        var kept = new List<Entry>();
        Entry? cover = null;
        foreach (var entry in sorted)
        {
            if (cover is not null && entry.Key.StartsWith(cover.Key, StringComparison.Ordinal))
            {
                cover.Reasons.UnionWith(entry.Reasons);
                continue;
            }
            if (kept.Count > 0 && !kept[^1].IsWildcard && !entry.IsWildcard && kept[^1].Key == entry.Key)
            {
                kept[^1].Reasons.UnionWith(entry.Reasons);
                continue;
            }
            kept.Add(entry);
            if (entry.IsWildcard)
            {
                cover = entry;
            }
        }
        _entries = kept;
    }

    /// <summary>
    /// Replaces the two neighbouring candidates with the longest common prefix (and everything else under that
    /// prefix) by one wildcard path. Returns the new path, or null when fewer than two candidates exist.
    /// </summary>
    public string? MergeClosest(bool wildcardsOnly)
    {
        var candidates = wildcardsOnly ? _entries.Where(e => e.IsWildcard).ToList() : _entries;
        if (candidates.Count < 2)
        {
            return null;
        }
        var best = -1;
        var prefix = "";
        for (var i = 0; i + 1 < candidates.Count; i++)
        {
            var length = CommonPrefixLength(candidates[i].Key, candidates[i + 1].Key);
            if (length > best)
            {
                best = length;
                prefix = candidates[i].Key[..length];
            }
        }
        // Paths all start with "/", so merging never needs to go above "/*".
        if (prefix.Length == 0)
        {
            prefix = "/";
        }
        var reasons = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in _entries.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            reasons.UnionWith(entry.Reasons);
        }
        _entries.RemoveAll(e => e.Key.StartsWith(prefix, StringComparison.Ordinal));
        _entries.Add(new Entry(prefix, true, reasons));
        Normalize();
        return prefix + "*";
    }

    public IEnumerable<(string Path, IReadOnlyCollection<string> Reasons)> Paths() => _entries.Select(e => (e.Path, (IReadOnlyCollection<string>)e.Reasons));

    private static int CommonPrefixLength(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }
        return length;
    }
}

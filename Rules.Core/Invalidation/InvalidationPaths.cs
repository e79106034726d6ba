namespace EdgePortal.Rules.Invalidation;

/// <summary>From path patterns to CloudFront invalidation paths.</summary>
public static class InvalidationPaths
{
    /// <summary>
    /// The narrowest invalidation path covering every URI <paramref name="pattern"/> matches: the pattern itself
    /// when it has no wildcard, else its literal part up to the first <c>*</c> or <c>?</c> followed by <c>*</c>.
    /// A pattern not starting with <c>/</c> (not valid in a document) gets <c>/*</c>.
    /// </summary>
    public static string ForPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (!pattern.StartsWith('/'))
        {
            return "/*";
        }
        var wildcard = pattern.IndexOfAny(['*', '?']);
        return wildcard < 0 ? pattern : pattern[..wildcard] + "*";
    }

    /// <summary>
    /// Of two paths that both cover a set of URIs, the one covering fewer URIs: an exact path, else the longer
    /// wildcard. (Both cover a common URI, so one wildcard's prefix is a prefix of the other's.)
    /// </summary>
    internal static string Narrower(string first, string second)
    {
        if (!first.EndsWith('*'))
        {
            return first;
        }
        if (!second.EndsWith('*'))
        {
            return second;
        }
        return first.Length >= second.Length ? first : second;
    }
}

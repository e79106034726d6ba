namespace EdgePortal.Rules.Matching;

/// <summary>
/// A CloudFront path pattern: <c>*</c> matches any run of characters (also none, also <c>/</c>),
/// <c>?</c> exactly one character, everything else itself (case-sensitive), and the pattern must
/// match the whole URI. The one implementation every part of EdgePortal uses.
/// </summary>
public sealed class PathPattern
{
    private PathPattern(string pattern)
    {
        Pattern = pattern;
        var star = pattern.IndexOf('*');
        var question = pattern.IndexOf('?');
        if (star < 0 && question < 0)
        {
            Kind = PatternKind.Exact;
        }
        else if (question < 0 && star == pattern.Length - 1)
        {
            Kind = PatternKind.Prefix;
        }
        else
        {
            Kind = PatternKind.General;
        }
        LiteralPrefix = pattern[..LiteralPrefixLength(pattern)];
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Which shape the pattern has; the handler's lookup tables are built on it.</summary>
    public PatternKind Kind { get; }

    /// <summary>The characters before the first <c>*</c> or <c>?</c>: every matching URI starts with them.</summary>
    public string LiteralPrefix { get; }

    /// <summary>Compiles a pattern for repeated matching.</summary>
    public static PathPattern Compile(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return new PathPattern(pattern);
    }

    /// <summary>True when <paramref name="pattern"/> matches the whole <paramref name="uri"/>.</summary>
    public static bool IsMatch(string pattern, string uri) => Match(pattern, uri);

    /// <summary>True when this pattern matches the whole <paramref name="uri"/>.</summary>
    public bool IsMatch(string uri) => Kind switch
    {
        PatternKind.Exact => string.Equals(Pattern, uri, StringComparison.Ordinal),
        PatternKind.Prefix => uri.StartsWith(LiteralPrefix, StringComparison.Ordinal),
        _ => Match(Pattern, uri),
    };

    /// <summary>Length of the literal part before the first wildcard.</summary>
    public static int LiteralPrefixLength(string pattern)
    {
        var index = pattern.AsSpan().IndexOfAny('*', '?');
        return index < 0 ? pattern.Length : index;
    }

    public override string ToString() => Pattern;

    // Greedy matching that remembers only the last star: when a later literal fails, the last
    // star absorbs one more character. This is exact for glob patterns and needs no recursion.
    private static bool Match(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}

/// <summary>The shape of a path pattern.</summary>
public enum PatternKind
{
    /// <summary>No wildcard: matches one URI.</summary>
    Exact,
    /// <summary>A literal followed by one trailing <c>*</c>: matches every URI with that prefix.</summary>
    Prefix,
    /// <summary>Anything else: <c>?</c>, or <c>*</c> not only at the end.</summary>
    General,
}

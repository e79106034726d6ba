using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Evaluation;

/// <summary>Builds the <c>Cache-Control</c> value a cache rule sets, directives in the contract's order.</summary>
public static class CacheControlHeader
{
    /// <summary>
    /// The header value for <paramref name="rule"/>: <c>public</c>, <c>private</c>, <c>no-cache</c>,
    /// <c>no-store</c>, <c>max-age</c>, <c>s-maxage</c>, <c>stale-while-revalidate</c>,
    /// <c>stale-if-error</c>, <c>immutable</c>, joined by <c>", "</c>; empty when the rule sets none.
    /// </summary>
    public static string Format(CacheRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parts = new List<string>(9);
        if (rule.Public == true)
        {
            parts.Add("public");
        }
        if (rule.Private == true)
        {
            parts.Add("private");
        }
        if (rule.NoCache == true)
        {
            parts.Add("no-cache");
        }
        if (rule.NoStore == true)
        {
            parts.Add("no-store");
        }
        AddSeconds(parts, "max-age", rule.MaxAge);
        AddSeconds(parts, "s-maxage", rule.SMaxAge);
        AddSeconds(parts, "stale-while-revalidate", rule.StaleWhileRevalidate);
        AddSeconds(parts, "stale-if-error", rule.StaleIfError);
        if (rule.Immutable == true)
        {
            parts.Add("immutable");
        }
        return string.Join(", ", parts);
    }

    private static void AddSeconds(List<string> parts, string name, int? seconds)
    {
        if (seconds is { } value)
        {
            parts.Add($"{name}={value}");
        }
    }
}

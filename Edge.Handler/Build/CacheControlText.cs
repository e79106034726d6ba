using System.Globalization;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Build;

/// <summary>The <c>Cache-Control</c> value of a cache rule, directives in the contract's order.</summary>
public static class CacheControlText
{
    /// <summary>The directives joined by ", ", or null when the rule sets none (the header is then left alone).</summary>
    public static string? Format(CacheRule rule)
    {
        var directives = new List<string>();
        Flag(directives, rule.Public, "public");
        Flag(directives, rule.Private, "private");
        Flag(directives, rule.NoCache, "no-cache");
        Flag(directives, rule.NoStore, "no-store");
        Seconds(directives, rule.MaxAge, "max-age");
        Seconds(directives, rule.SMaxAge, "s-maxage");
        Seconds(directives, rule.StaleWhileRevalidate, "stale-while-revalidate");
        Seconds(directives, rule.StaleIfError, "stale-if-error");
        Flag(directives, rule.Immutable, "immutable");
        return directives.Count == 0 ? null : string.Join(", ", directives);
    }

    private static void Flag(List<string> directives, bool? value, string name)
    {
        if (value == true)
        {
            directives.Add(name);
        }
    }

    private static void Seconds(List<string> directives, int? value, string name)
    {
        if (value is { } seconds)
        {
            directives.Add(name + "=" + seconds.ToString(CultureInfo.InvariantCulture));
        }
    }
}

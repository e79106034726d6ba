using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// The <c>Cache-Control</c> value a cache rule produces, directives in the order the contract gives
/// (public, private, no-cache, no-store, max-age, s-maxage, stale-while-revalidate, stale-if-error, immutable).
/// </summary>
public static class CacheControlText
{
    public static string Format(CacheRule rule)
    {
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

    /// <summary>What the directives mean, one short sentence each, for the preview under the editor.</summary>
    public static IReadOnlyList<string> Explain(CacheRule rule)
    {
        var lines = new List<string>();
        if (rule.NoStore == true)
        {
            lines.Add("Nothing may store the response.");
        }
        if (rule.NoCache == true)
        {
            lines.Add("Caches must revalidate with the origin before each reuse.");
        }
        if (rule.Private == true)
        {
            lines.Add("Only the viewer's browser may store it; CloudFront does not share it.");
        }
        if (rule.Public == true)
        {
            lines.Add("Any cache may store it.");
        }
        Explain(lines, rule.MaxAge, "Browsers keep it for {0}.");
        Explain(lines, rule.SMaxAge, "CloudFront and shared caches keep it for {0}.");
        Explain(lines, rule.StaleWhileRevalidate, "A stale copy may be served for {0} while a fresh one is fetched.");
        Explain(lines, rule.StaleIfError, "A stale copy may be served for {0} when the origin fails.");
        if (rule.Immutable == true)
        {
            lines.Add("Browsers do not revalidate it while it is fresh.");
        }
        lines.Add(rule.EffectiveMode == CacheMode.Default
            ? "Applied only when the origin sent no Cache-Control."
            : "Replaces whatever Cache-Control the origin sent.");
        return lines;
    }

    private static void AddSeconds(List<string> parts, string name, int? seconds)
    {
        if (seconds is { } s)
        {
            parts.Add($"{name}={s}");
        }
    }

    private static void Explain(List<string> lines, int? seconds, string sentence)
    {
        if (seconds is { } s)
        {
            lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, HumanDuration.Format(s)));
        }
    }
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>The <c>Cache-Control</c> value a cache rule produces, and what it means in words.</summary>
public static class CacheControlText
{
    /// <summary>The header value, from the evaluator's own formatter so the preview never disagrees with the edge.</summary>
    public static string Format(CacheRule rule) => CacheControlHeader.Format(rule);

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

    private static void Explain(List<string> lines, int? seconds, string sentence)
    {
        if (seconds is { } s)
        {
            lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, HumanDuration.Format(s)));
        }
    }
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>A sentence showing where a redirect sends one sample request, so appendPath and keepQuery read as behaviour.</summary>
public static class RedirectExample
{
    public static string Describe(RedirectRule rule, string uri, string query)
    {
        // Mirrors the contract's location rule; the tester shows the evaluator's own answer.
        var location = rule.Location;
        if (rule.EffectiveAppendPath)
        {
            location = (location.EndsWith('/') ? location[..^1] : location) + uri;
        }
        if (rule.EffectiveKeepQuery && query.Length > 0)
        {
            location += (location.Contains('?') ? "&" : "?") + query;
        }
        return $"Example: {uri}?{query} → {rule.EffectiveStatus} {location}";
    }
}

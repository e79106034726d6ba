using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>One line saying what a rule does, for lists and links.</summary>
public static class RuleSummary
{
    public static string Describe(IRule rule) => rule switch
    {
        AccessRule r => $"{(r.EffectiveMode == AccessMode.Allow ? "Only" : "Blocks")} {Countries(r.Countries, "no country")}",
        RedirectRule r => $"{Countries(r.Countries, "Every country")} → {r.EffectiveStatus} {r.Location}",
        OriginRule r => $"{Countries(r.Countries, "Every country")} → {CustomOrigin.Of(r).Url}",
        CacheRule r => CacheControlText.Format(r) is { Length: > 0 } value
            ? (r.EffectiveMode == CacheMode.Default ? $"{value} (when the origin sent none)" : value)
            : "(no directives)",
        _ => "",
    };

    /// <summary>"DE, AT, CH" or, for long lists, "DE, AT, CH and 12 more".</summary>
    public static string Countries(EquatableArray<string> countries, string whenEmpty)
    {
        if (countries.IsEmpty)
        {
            return whenEmpty;
        }
        const int shown = 6;
        return countries.Count <= shown
            ? string.Join(", ", countries)
            : $"{string.Join(", ", countries.Items.Take(shown))} and {countries.Count - shown} more";
    }
}

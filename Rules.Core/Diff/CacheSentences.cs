using System.Globalization;
using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Diff;

/// <summary>Sentences about cache rules, spoken in <c>Cache-Control</c> directives.</summary>
internal static class CacheSentences
{
    /// <summary>The directives a rule sets, as the header would spell them.</summary>
    public static string Directives(CacheRule rule)
    {
        var directives = new List<string>();
        foreach (var field in (string[])["public", "private", "noCache", "noStore", "maxAge", "sMaxAge", "staleWhileRevalidate", "staleIfError", "immutable"])
        {
            if (Directive(field, rule) is { } directive)
            {
                directives.Add(directive);
            }
        }
        var mode = rule.EffectiveMode == CacheMode.Default ? " when the origin sends none" : "";
        return directives.Count == 0 ? "no directives" : $"sets {string.Join(", ", directives)}{mode}";
    }

    public static string? Field(FieldChange change, CacheRule before, CacheRule after)
    {
        var field = change.Field;
        if (field == "mode")
        {
            return before.EffectiveMode == after.EffectiveMode
                ? RuleSentences.Restated(change, JsonText.Name(after.EffectiveMode))
                : after.EffectiveMode == CacheMode.Default
                    ? "now sets Cache-Control only when the origin sends none (mode default) instead of replacing it"
                    : "now replaces the origin's Cache-Control (mode override) instead of setting it only when missing";
        }
        var name = HeaderName(field);
        if (name is null)
        {
            return null;
        }
        var b = Directive(field, before);
        var a = Directive(field, after);
        return (b, a) switch
        {
            (null, null) => change.After is null
                ? $"no longer states {field} false (it still does not set {name})"
                : $"now states {field} false explicitly (it still does not set {name})",
            (null, _) => $"now sets {a}",
            (_, null) => $"no longer sets {b}",
            _ => $"now sets {a} instead of {b}",
        };
    }

    private static string? Directive(string field, CacheRule rule)
    {
        var name = HeaderName(field);
        return field switch
        {
            "maxAge" => Seconds(name!, rule.MaxAge),
            "sMaxAge" => Seconds(name!, rule.SMaxAge),
            "staleWhileRevalidate" => Seconds(name!, rule.StaleWhileRevalidate),
            "staleIfError" => Seconds(name!, rule.StaleIfError),
            "public" => rule.Public == true ? name : null,
            "private" => rule.Private == true ? name : null,
            "noCache" => rule.NoCache == true ? name : null,
            "noStore" => rule.NoStore == true ? name : null,
            "immutable" => rule.Immutable == true ? name : null,
            _ => null,
        };
    }

    private static string? Seconds(string name, int? value) => value is null ? null : $"{name}={value.Value.ToString(CultureInfo.InvariantCulture)}";

    private static string? HeaderName(string field) => field switch
    {
        "maxAge" => "max-age",
        "sMaxAge" => "s-maxage",
        "staleWhileRevalidate" => "stale-while-revalidate",
        "staleIfError" => "stale-if-error",
        "public" => "public",
        "private" => "private",
        "noCache" => "no-cache",
        "noStore" => "no-store",
        "immutable" => "immutable",
        _ => null,
    };
}

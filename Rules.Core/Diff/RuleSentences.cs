using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Rules.Diff;

/// <summary>One plain sentence per rule change, in the words an operator uses.</summary>
internal static class RuleSentences
{
    private const int MaxNames = 5;

    /// <summary>Sentences for every change of one section, in order.</summary>
    public static IEnumerable<string> Describe(RuleSection section, IReadOnlyList<RuleChange> changes, IReadOnlyList<IRule> oldRules, IReadOnlyList<IRule> newRules)
    {
        // Positions of the rules both documents keep, for "now takes precedence over …".
        var oldPos = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < oldRules.Count; i++)
        {
            oldPos.TryAdd(oldRules[i].Id, i);
        }
        var newPos = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < newRules.Count; j++)
        {
            if (oldPos.ContainsKey(newRules[j].Id))
            {
                newPos.TryAdd(newRules[j].Id, j);
            }
        }
        return changes.Select(c => Describe(section, c, oldRules, newRules, oldPos, newPos));
    }

    private static string Describe(
        RuleSection section, RuleChange change, IReadOnlyList<IRule> oldRules, IReadOnlyList<IRule> newRules,
        Dictionary<string, int> oldPos, Dictionary<string, int> newPos)
    {
        var subject = $"{Capitalize(section.RuleNoun())} {change.RuleId}";
        return change.Kind switch
        {
            RuleChangeKind.Added => $"{subject} was added at position {change.NewIndex + 1} ({Summary(newRules[change.NewIndex!.Value])}).",
            RuleChangeKind.Removed => $"{subject} was removed (it was at position {change.OldIndex + 1}, {Summary(oldRules[change.OldIndex!.Value])}).",
            RuleChangeKind.Moved => Moved(subject, change, oldPos, newPos),
            _ => Changed(subject, oldRules[change.OldIndex!.Value], newRules[change.NewIndex!.Value], change.Fields),
        };
    }

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Summary(IRule rule) => rule switch
    {
        AccessRule a => $"path {a.Path}, {(a.EffectiveMode == AccessMode.Allow ? "allows only" : "blocks")} {List(a.Countries)}",
        RedirectRule r => $"path {r.Path}, {Countries(r.Countries)}, {r.EffectiveStatus} to {r.Location}",
        OriginRule o => $"path {o.Path}, {Countries(o.Countries)}, to {CustomOrigin.Of(o).Url}",
        CacheRule c => $"path {c.Path}, {CacheSentences.Directives(c)}",
        _ => $"path {rule.Path}",
    };

    private static string Moved(string subject, RuleChange change, Dictionary<string, int> oldPos, Dictionary<string, int> newPos)
    {
        var id = change.RuleId;
        var overtakes = newPos.Keys.Where(o => o != id && oldPos[o] < oldPos[id] && newPos[o] > newPos[id]).OrderBy(o => newPos[o]).ToList();
        var yields = newPos.Keys.Where(o => o != id && oldPos[o] > oldPos[id] && newPos[o] < newPos[id]).OrderBy(o => newPos[o]).ToList();
        var why = new List<string>();
        if (overtakes.Count > 0)
        {
            why.Add($"it now takes precedence over {Names(overtakes)}");
        }
        if (yields.Count > 0)
        {
            why.Add($"{Names(yields)} now {(yields.Count == 1 ? "comes" : "come")} first");
        }
        var reason = why.Count > 0 ? $" ({string.Join("; ", why)})" : "";
        return $"{subject} moved from position {change.OldIndex + 1} to {change.NewIndex + 1}{reason}.";
    }

    // A reorder of a long section would otherwise name every rule in every sentence.
    private static string Names(IReadOnlyList<string> ids) => ids.Count <= MaxNames
        ? string.Join(", ", ids)
        : $"{string.Join(", ", ids.Take(MaxNames))} and {ids.Count - MaxNames} more";

    private static string Changed(string subject, IRule before, IRule after, EquatableArray<FieldChange> fields)
    {
        var parts = new List<string>();
        foreach (var field in fields)
        {
            var part = (before, after) switch
            {
                (AccessRule b, AccessRule a) => AccessField(field, b, a),
                (RedirectRule b, RedirectRule a) => RedirectField(field, b, a),
                (OriginRule b, OriginRule a) => OriginField(field, b, a),
                (CacheRule b, CacheRule a) => CacheSentences.Field(field, b, a),
                _ => null,
            };
            parts.Add(part ?? CommonField(field));
        }
        // A port and a protocol changed together make the same sentence twice.
        return $"{subject} {string.Join("; ", parts.Distinct(StringComparer.Ordinal))}.";
    }

    private static string CommonField(FieldChange field) => field.Field switch
    {
        "description" => field.After is null ? "no longer has a description" : "has a new description",
        "path" => $"now matches {Unquote(field.After)} instead of {Unquote(field.Before)}",
        _ => $"now has {field.Field} {field.After ?? "absent"} instead of {field.Before ?? "absent"}",
    };

    private static string? AccessField(FieldChange f, AccessRule b, AccessRule a) => f.Field switch
    {
        "mode" when b.EffectiveMode == a.EffectiveMode => Restated(f, JsonText.Name(a.EffectiveMode)),
        "mode" => a.EffectiveMode == AccessMode.Allow
            ? "now allows only the listed countries instead of blocking them"
            : "now blocks the listed countries instead of allowing only them",
        "countries" when b.EffectiveMode == a.EffectiveMode => SetChange(b.Countries, a.Countries,
            a.EffectiveMode == AccessMode.Allow ? "now also allows" : "now also blocks",
            a.EffectiveMode == AccessMode.Allow ? "no longer allows" : "no longer blocks"),
        "countries" => $"now lists {List(a.Countries)} instead of {List(b.Countries)}",
        _ => null,
    };

    private static string? RedirectField(FieldChange f, RedirectRule b, RedirectRule a) => f.Field switch
    {
        "status" when b.EffectiveStatus == a.EffectiveStatus => Restated(f, $"{a.EffectiveStatus}"),
        "status" => $"now answers {a.EffectiveStatus} instead of {b.EffectiveStatus}",
        "location" => $"now sends viewers to {a.Location} instead of {b.Location}",
        "countries" => CountryRuleChange(b.Countries, a.Countries),
        "appendPath" when b.EffectiveAppendPath == a.EffectiveAppendPath => Restated(f, Bool(a.EffectiveAppendPath)),
        "appendPath" => a.EffectiveAppendPath ? "now appends the request path to its location" : "no longer appends the request path to its location",
        "keepQuery" when b.EffectiveKeepQuery == a.EffectiveKeepQuery => Restated(f, Bool(a.EffectiveKeepQuery)),
        "keepQuery" => a.EffectiveKeepQuery ? "now keeps the query string" : "now drops the query string",
        "cacheSeconds" when b.EffectiveCacheSeconds == a.EffectiveCacheSeconds => Restated(f, $"{a.EffectiveCacheSeconds}"),
        "cacheSeconds" => $"is now cached for {a.EffectiveCacheSeconds} seconds instead of {b.EffectiveCacheSeconds}",
        "allowInsecure" => a.AllowInsecure == true ? "now allows an http:// location" : "no longer allows an http:// location",
        _ => null,
    };

    private static string? OriginField(FieldChange f, OriginRule b, OriginRule a) => f.Field switch
    {
        "domainName" => $"now sends requests to {a.DomainName} instead of {b.DomainName}",
        "originPath" => (b.OriginPath, a.OriginPath) switch
        {
            (null, _) => $"now uses origin path {a.OriginPath}",
            (_, null) => $"no longer uses an origin path (it was {b.OriginPath})",
            _ => $"now uses origin path {a.OriginPath} instead of {b.OriginPath}",
        },
        "countries" => CountryRuleChange(b.Countries, a.Countries),
        "port" when b.EffectivePort == a.EffectivePort => Restated(f, $"{a.EffectivePort}"),
        "protocol" when b.EffectiveProtocol == a.EffectiveProtocol => Restated(f, JsonText.Name(a.EffectiveProtocol)),
        "port" or "protocol" => $"now sends to {CustomOrigin.Of(a).Url} instead of {CustomOrigin.Of(b).Url}",
        "allowInsecure" => a.AllowInsecure == true ? "now allows protocol http" : "no longer allows protocol http",
        _ => null,
    };

    // For redirects and origins an empty list means every country.
    private static string CountryRuleChange(EquatableArray<string> before, EquatableArray<string> after) => (before.IsEmpty, after.IsEmpty) switch
    {
        (true, false) => $"now applies only to {List(after)} instead of every country",
        (false, true) => $"now applies to every country instead of only {List(before)}",
        _ => SetChange(before, after, "now also applies to", "no longer applies to"),
    };

    private static string SetChange(EquatableArray<string> before, EquatableArray<string> after, string addedWords, string removedWords)
    {
        var added = after.Except(before, StringComparer.Ordinal).ToList();
        var removed = before.Except(after, StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"{addedWords} {string.Join(", ", added)}");
        }
        if (removed.Count > 0)
        {
            parts.Add($"{removedWords} {string.Join(", ", removed)}");
        }
        return parts.Count > 0 ? string.Join(" and ", parts) : $"lists the same countries in another order ({List(after)})";
    }

    /// <summary>A default written out or left out again: the literal changed, the answer did not.</summary>
    internal static string Restated(FieldChange change, string value) => change.After is null
        ? $"no longer states {change.Field} {value}, the default (unchanged)"
        : $"now states {change.Field} {value} explicitly (unchanged)";

    internal static string List(EquatableArray<string> countries) => countries.IsEmpty ? "no country" : string.Join(", ", countries);

    private static string Countries(EquatableArray<string> countries) => countries.IsEmpty ? "every country" : $"countries {List(countries)}";

    private static string Bool(bool value) => value ? "true" : "false";

    private static string? Unquote(string? json) => json is { Length: >= 2 } && json[0] == '"' ? System.Text.Json.JsonSerializer.Deserialize<string>(json) : json;
}

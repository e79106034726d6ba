using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Diff;

/// <summary>Sentences about the geo section and the blocked response.</summary>
internal static class GeoSentences
{
    public static IEnumerable<string> Describe(GeoSettings? oldGeo, GeoSettings? newGeo, EquatableArray<FieldChange> changes)
    {
        var b = oldGeo ?? new GeoSettings();
        var a = newGeo ?? new GeoSettings();
        foreach (var change in changes)
        {
            yield return change.Field switch
            {
                "geo" => $"The geo section is now {(newGeo is null ? "absent" : "written out empty")} (no effect on answers).",
                "mode" => b.EffectiveMode == a.EffectiveMode
                    ? $"Geo {RuleSentences.Restated(change, JsonText.Name(a.EffectiveMode))}."
                    : $"Geo now {Mode(a.EffectiveMode)} instead of {Verb(Mode(b.EffectiveMode))}.",
                "countries" => Countries(b, a),
                "unknownCountry" => b.EffectiveUnknownCountry == a.EffectiveUnknownCountry
                    ? $"Geo {RuleSentences.Restated(change, JsonText.Name(a.EffectiveUnknownCountry))}."
                    : $"Geo now {(a.EffectiveUnknownCountry == UnknownCountryAction.Block ? "blocks" : "allows")} requests without a country instead of {(b.EffectiveUnknownCountry == UnknownCountryAction.Block ? "blocking" : "allowing")} them.",
                "enforce" => b.EffectiveEnforce == a.EffectiveEnforce
                    ? $"Geo {RuleSentences.Restated(change, JsonText.Name(a.EffectiveEnforce))}."
                    : $"Geo is now enforced by {Enforcer(a.EffectiveEnforce)} instead of {Enforcer(b.EffectiveEnforce)}.",
                _ => $"Geo {change.Field} is now {change.After ?? "absent"} instead of {change.Before ?? "absent"}.",
            };
        }
    }

    public static IEnumerable<string> DescribeBlockedResponse(BlockedResponse b, BlockedResponse a, EquatableArray<FieldChange> changes)
    {
        foreach (var change in changes)
        {
            yield return change.Field switch
            {
                "blockedResponse" => $"The blocked response section is now {(change.After is null ? "absent" : "written out empty")} (no effect on answers).",
                "status" when b.EffectiveStatus == a.EffectiveStatus => $"The blocked response {RuleSentences.Restated(change, $"{a.EffectiveStatus}")}.",
                "status" => $"The blocked response now answers {a.EffectiveStatus} instead of {b.EffectiveStatus}.",
                "contentType" when b.EffectiveContentType == a.EffectiveContentType => $"The blocked response {RuleSentences.Restated(change, a.EffectiveContentType)}.",
                "contentType" => $"The blocked response now has content type {a.EffectiveContentType} instead of {b.EffectiveContentType}.",
                "body" when b.EffectiveBody == a.EffectiveBody => $"The blocked response {RuleSentences.Restated(change, "(the default text)")}.",
                "body" => "The blocked response has a new body.",
                "cacheSeconds" when b.EffectiveCacheSeconds == a.EffectiveCacheSeconds => $"The blocked response {RuleSentences.Restated(change, $"{a.EffectiveCacheSeconds}")}.",
                "cacheSeconds" => $"The blocked response is now cached for {a.EffectiveCacheSeconds} seconds instead of {b.EffectiveCacheSeconds}.",
                _ => $"The blocked response {change.Field} is now {change.After ?? "absent"} instead of {change.Before ?? "absent"}.",
            };
        }
    }

    private static string Countries(GeoSettings b, GeoSettings a)
    {
        if (b.EffectiveMode != a.EffectiveMode || a.EffectiveMode == GeoMode.Off)
        {
            return $"Geo now lists {RuleSentences.List(a.Countries)} instead of {RuleSentences.List(b.Countries)}.";
        }
        var added = a.Countries.Except(b.Countries, StringComparer.Ordinal).ToList();
        var removed = b.Countries.Except(a.Countries, StringComparer.Ordinal).ToList();
        var block = a.EffectiveMode == GeoMode.Block;
        var parts = new List<string>();
        if (added.Count > 0)
        {
            parts.Add($"{(block ? "now blocks" : "now also lets in")} {string.Join(", ", added)}");
        }
        if (removed.Count > 0)
        {
            parts.Add($"{(block ? "no longer blocks" : "now blocks")} {string.Join(", ", removed)}");
        }
        return parts.Count == 0
            ? $"Geo lists the same countries in another order ({RuleSentences.List(a.Countries)})."
            : $"Geo {string.Join(" and ", parts)}.";
    }

    private static string Mode(GeoMode mode) => mode switch
    {
        GeoMode.Allow => "lets in only the listed countries",
        GeoMode.Block => "blocks the listed countries",
        _ => "lets every country in",
    };

    // "lets in only …" → "letting in only …" for the "instead of" half.
    private static string Verb(string phrase) => phrase.StartsWith("lets", StringComparison.Ordinal)
        ? "letting" + phrase[4..]
        : "blocking" + phrase["blocks".Length..];

    private static string Enforcer(GeoEnforcement enforce) => enforce switch
    {
        GeoEnforcement.Distribution => "the distribution",
        GeoEnforcement.Both => "both the handler and the distribution",
        _ => "the handler",
    };
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Diff;

/// <summary>The fields of each part of the document, in the order of the contract, as literal JSON text.</summary>
internal static class RuleFields
{
    public static IReadOnlyList<(string Name, string? Value)> Of(IRule rule) => rule switch
    {
        AccessRule a =>
        [
            ("id", JsonText.Of(a.Id)), ("description", JsonText.Of(a.Description)), ("path", JsonText.Of(a.Path)),
            ("mode", JsonText.Of(a.Mode)), ("countries", JsonText.Of(a.Countries)),
        ],
        RedirectRule r =>
        [
            ("id", JsonText.Of(r.Id)), ("description", JsonText.Of(r.Description)), ("path", JsonText.Of(r.Path)),
            ("countries", JsonText.Of(r.Countries)), ("location", JsonText.Of(r.Location)),
            ("status", JsonText.Of(r.Status)), ("appendPath", JsonText.Of(r.AppendPath)),
            ("keepQuery", JsonText.Of(r.KeepQuery)), ("cacheSeconds", JsonText.Of(r.CacheSeconds)),
            ("allowInsecure", JsonText.Of(r.AllowInsecure)),
        ],
        OriginRule o =>
        [
            ("id", JsonText.Of(o.Id)), ("description", JsonText.Of(o.Description)), ("path", JsonText.Of(o.Path)),
            ("countries", JsonText.Of(o.Countries)), ("domainName", JsonText.Of(o.DomainName)),
            ("originPath", JsonText.Of(o.OriginPath)), ("port", JsonText.Of(o.Port)),
            ("protocol", JsonText.Of(o.Protocol)), ("allowInsecure", JsonText.Of(o.AllowInsecure)),
        ],
        CacheRule c =>
        [
            ("id", JsonText.Of(c.Id)), ("description", JsonText.Of(c.Description)), ("path", JsonText.Of(c.Path)),
            ("maxAge", JsonText.Of(c.MaxAge)), ("sMaxAge", JsonText.Of(c.SMaxAge)),
            ("staleWhileRevalidate", JsonText.Of(c.StaleWhileRevalidate)), ("staleIfError", JsonText.Of(c.StaleIfError)),
            ("public", JsonText.Of(c.Public)), ("private", JsonText.Of(c.Private)), ("noCache", JsonText.Of(c.NoCache)),
            ("noStore", JsonText.Of(c.NoStore)), ("immutable", JsonText.Of(c.Immutable)), ("mode", JsonText.Of(c.Mode)),
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.GetType().Name, "Unknown rule type."),
    };

    public static IReadOnlyList<(string Name, string? Value)> Of(GeoSettings? geo) => geo is null ? [] :
    [
        ("mode", JsonText.Of(geo.Mode)), ("countries", JsonText.Of(geo.Countries)),
        ("unknownCountry", JsonText.Of(geo.UnknownCountry)), ("enforce", JsonText.Of(geo.Enforce)),
    ];

    public static IReadOnlyList<(string Name, string? Value)> Of(BlockedResponse? blocked) => blocked is null ? [] :
    [
        ("status", JsonText.Of(blocked.Status)), ("contentType", JsonText.Of(blocked.ContentType)),
        ("body", JsonText.Of(blocked.Body)), ("cacheSeconds", JsonText.Of(blocked.CacheSeconds)),
    ];

    /// <summary>
    /// Differences of an optional section: its fields, or, when only its presence differs (absent against
    /// <c>{}</c>), one change named after the section so that unequal documents never diff as equal.
    /// </summary>
    public static EquatableArray<FieldChange> CompareSection<T>(
        string name, T? before, T? after, Func<T?, IReadOnlyList<(string Name, string? Value)>> fields)
        where T : class
    {
        var changes = Compare(fields(before), fields(after));
        if (changes.IsEmpty && (before is null) != (after is null))
        {
            return [new FieldChange(name, before is null ? null : "{}", after is null ? null : "{}")];
        }
        return changes;
    }

    /// <summary>Fields whose literal values differ, in field order.</summary>
    public static EquatableArray<FieldChange> Compare(
        IReadOnlyList<(string Name, string? Value)> before, IReadOnlyList<(string Name, string? Value)> after)
    {
        var names = before.Select(f => f.Name).Concat(after.Select(f => f.Name)).Distinct();
        var changes = new List<FieldChange>();
        foreach (var name in names)
        {
            var b = before.FirstOrDefault(f => f.Name == name).Value;
            var a = after.FirstOrDefault(f => f.Name == name).Value;
            if (b != a)
            {
                changes.Add(new FieldChange(name, b, a));
            }
        }
        return [.. changes];
    }
}

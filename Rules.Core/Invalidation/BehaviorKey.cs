using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Invalidation;

/// <summary>
/// A rule reduced to what decides answers: defaults applied, id and description dropped (neither reaches a
/// response), countries as a sorted set. Two rules with equal keys answer every request alike, so renaming a
/// rule or rewording its description plans nothing.
/// </summary>
internal static class BehaviorKey
{
    public static IRule Of(IRule rule) => rule switch
    {
        AccessRule a => a with { Id = "", Description = null, Mode = a.EffectiveMode, Countries = Set(a.Countries) },
        RedirectRule r => r with
        {
            Id = "",
            Description = null,
            Countries = Set(r.Countries),
            Status = r.EffectiveStatus,
            AppendPath = r.EffectiveAppendPath,
            KeepQuery = r.EffectiveKeepQuery,
            CacheSeconds = r.EffectiveCacheSeconds,
            // Only validation reads allowInsecure; the answer does not depend on it.
            AllowInsecure = null,
        },
        OriginRule o => o with
        {
            Id = "",
            Description = null,
            Countries = Set(o.Countries),
            Port = o.EffectivePort,
            Protocol = o.EffectiveProtocol,
            AllowInsecure = null,
        },
        CacheRule c => c with
        {
            Id = "",
            Description = null,
            Mode = c.EffectiveMode,
            Public = True(c.Public),
            Private = True(c.Private),
            NoCache = True(c.NoCache),
            NoStore = True(c.NoStore),
            Immutable = True(c.Immutable),
        },
        _ => rule,
    };

    private static EquatableArray<string> Set(EquatableArray<string> countries) => [.. countries.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    // false and absent both leave the directive out.
    private static bool? True(bool? value) => value == true ? true : null;
}

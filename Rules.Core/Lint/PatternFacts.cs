using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>Facts about rules that the lint checks share; each errs on the side of "not sure".</summary>
internal static class PatternFacts
{
    /// <summary>
    /// True when <paramref name="earlier"/>, placed before <paramref name="later"/> in a section where the first
    /// match wins, matches every request <paramref name="later"/> would match.
    /// </summary>
    public static bool Shadows(IRule earlier, IRule later) =>
        CountriesCover(earlier, later) && PatternAlgebra.Covers(earlier.Path, later.Path);

    // Access and cache rules decide by path alone; redirects and origins only for the countries they list
    // (empty = every country, requests without one included).
    private static bool CountriesCover(IRule earlier, IRule later)
    {
        if (earlier is not ICountryRule { } e || earlier is AccessRule || e.Countries.IsEmpty)
        {
            return true;
        }
        return later is ICountryRule l && !l.Countries.IsEmpty && l.Countries.All(c => e.Countries.Contains(c));
    }

    /// <summary>
    /// The access rule that decides every URI <paramref name="pattern"/> matches, or null when none does or
    /// different access rules may decide different URIs of it.
    /// </summary>
    public static AccessRule? DecidingAccessRule(RulesDocument document, string pattern)
    {
        foreach (var rule in document.Access)
        {
            if (PatternAlgebra.Covers(rule.Path, pattern))
            {
                return rule;
            }
            if (PatternAlgebra.Intersects(rule.Path, pattern))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>True when <paramref name="rule"/> blocks a request from <paramref name="country"/>.</summary>
    public static bool Blocks(AccessRule rule, string country) =>
        rule.EffectiveMode == AccessMode.Allow ? !rule.Countries.Contains(country) : rule.Countries.Contains(country);

    /// <summary>True when geo (at the handler or the distribution) keeps <paramref name="country"/> out.</summary>
    public static bool GeoBlocks(GeoSettings geo, string country) => geo.EffectiveMode switch
    {
        GeoMode.Allow => !geo.Countries.Contains(country),
        GeoMode.Block => geo.Countries.Contains(country),
        _ => false,
    };
}

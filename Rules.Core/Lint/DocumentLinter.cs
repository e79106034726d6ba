using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>Warns about parts of a valid document that cannot do what they seem to say.</summary>
public static class DocumentLinter
{
    /// <summary>
    /// The warnings for <paramref name="document"/>, in document order: geo, the cache-key note, then rule by
    /// rule. Checks that cannot be sure stay silent, so every warning is true.
    /// </summary>
    public static IReadOnlyList<LintWarning> Lint(RulesDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var warnings = new List<LintWarning>();
        GeoLint.Check(document, warnings);
        CountryLint.CheckCacheKey(document, warnings);
        foreach (var section in RuleSections.All)
        {
            var rules = document.Rules(section);
            for (var i = 0; i < rules.Count; i++)
            {
                var pointer = $"/{section.JsonName()}/{i}";
                if (ShadowLint.Check(document, section, rules, i, pointer, warnings))
                {
                    continue;
                }
                if (rules[i] is ICountryRule rule and not AccessRule)
                {
                    CountryLint.CheckBlockedCountries(document, section, rule, pointer, warnings);
                }
                if (rules[i] is OriginRule origin)
                {
                    OriginLint.Check(origin, pointer, warnings);
                }
                if (rules[i] is CacheRule cache)
                {
                    CacheLint.Check(document, cache, pointer, warnings);
                }
            }
        }
        return warnings;
    }

    internal static string Subject(RuleSection section, IRule rule) => $"{char.ToUpperInvariant(section.RuleNoun()[0])}{section.RuleNoun()[1..]} {rule.Id}";
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>Country lists: what the cache key must hold, and countries a rule names in vain.</summary>
internal static class CountryLint
{
    public static void CheckCacheKey(RulesDocument document, List<LintWarning> warnings)
    {
        var needs = CacheKeyNeeds.Of(document);
        if (!needs.NeedsCountry)
        {
            return;
        }
        warnings.Add(new LintWarning(LintCodes.CountrySpecificRules, "",
            $"Answers depend on the viewer's country ({string.Join(", ", needs.CountryReasons)}): the distribution's cache key must hold the CloudFront-Viewer-Country header, or viewers get answers cached for another country."));
    }

    public static void CheckBlockedCountries(RulesDocument document, RuleSection section, ICountryRule rule, string pointer, List<LintWarning> warnings)
    {
        if (rule.Countries.IsEmpty)
        {
            return;
        }
        var subject = DocumentLinter.Subject(section, rule);
        var geo = document.EffectiveGeo;
        var byGeo = rule.Countries.Where(c => PatternFacts.GeoBlocks(geo, c)).ToList();
        if (byGeo.Count > 0)
        {
            warnings.Add(new LintWarning(LintCodes.BlockedCountries, $"{pointer}/countries", byGeo.Count == rule.Countries.Count
                ? $"{subject} never applies: geo blocks every country it lists ({string.Join(", ", byGeo)})."
                : $"{subject} lists {string.Join(", ", byGeo)}, which geo blocks: it never applies to {(byGeo.Count == 1 ? "that country" : "those countries")}.",
                section, rule.Id));
        }
        if (PatternFacts.DecidingAccessRule(document, rule.Path) is not { } access)
        {
            return;
        }
        var byAccess = rule.Countries.Where(c => !byGeo.Contains(c) && PatternFacts.Blocks(access, c)).ToList();
        if (byAccess.Count > 0)
        {
            warnings.Add(new LintWarning(LintCodes.BlockedCountries, $"{pointer}/countries",
                $"{subject} lists {string.Join(", ", byAccess)}, which access rule {access.Id} blocks on every URI of {rule.Path}: it never applies to {(byAccess.Count == 1 ? "that country" : "those countries")}.",
                section, rule.Id));
        }
    }
}

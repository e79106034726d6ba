using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Lint;

/// <summary>Rules that never decide because an earlier rule always answers first.</summary>
internal static class ShadowLint
{
    /// <summary>Adds a warning when the rule never decides; true when it did.</summary>
    public static bool Check(RulesDocument document, RuleSection section, IReadOnlyList<IRule> rules, int index, string pointer, List<LintWarning> warnings)
    {
        var rule = rules[index];
        for (var e = 0; e < index; e++)
        {
            if (PatternFacts.Shadows(rules[e], rule))
            {
                var scope = rules[e] is ICountryRule { Countries.IsEmpty: false } and not AccessRule ? "every URI and country" : "every URI";
                warnings.Add(new LintWarning(LintCodes.ShadowedRule, pointer,
                    $"{DocumentLinter.Subject(section, rule)} can never match: {section.RuleNoun()} {rules[e].Id} (position {e + 1}) comes first and matches {scope} it would ({rules[e].Path} covers {rule.Path}).",
                    section, rule.Id));
                return true;
            }
        }
        // An origin rule only runs for requests no redirect answered.
        if (section == RuleSection.Origins)
        {
            foreach (var redirect in document.Redirects)
            {
                if (PatternFacts.Shadows(redirect, rule))
                {
                    warnings.Add(new LintWarning(LintCodes.UnreachableRule, pointer,
                        $"{DocumentLinter.Subject(section, rule)} never applies: redirect {redirect.Id} answers every request it would get ({redirect.Path} covers {rule.Path}).",
                        section, rule.Id));
                    return true;
                }
            }
        }
        return false;
    }
}

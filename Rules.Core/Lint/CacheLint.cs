using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Rules.Lint;

/// <summary>Cache rules that cannot change any response.</summary>
internal static class CacheLint
{
    public static void Check(RulesDocument document, CacheRule rule, string pointer, List<LintWarning> warnings)
    {
        var subject = DocumentLinter.Subject(RuleSection.Cache, rule);
        if (CacheControlHeader.Format(rule).Length == 0)
        {
            warnings.Add(new LintWarning(LintCodes.CacheRuleNoEffect, pointer,
                $"{subject} sets no directive: it leaves the origin's Cache-Control alone, and later cache rules never see its URIs.",
                RuleSection.Cache, rule.Id));
            return;
        }
        // A redirect for every country answers at origin-request, so no origin response ever comes back.
        var redirect = document.Redirects.FirstOrDefault(r => r.Countries.IsEmpty && PatternAlgebra.Covers(r.Path, rule.Path));
        if (redirect is not null)
        {
            warnings.Add(new LintWarning(LintCodes.CacheRuleNoEffect, pointer,
                $"{subject} cannot take effect: redirect {redirect.Id} answers every request for {rule.Path}, so the origin never responds there.",
                RuleSection.Cache, rule.Id));
        }
    }
}

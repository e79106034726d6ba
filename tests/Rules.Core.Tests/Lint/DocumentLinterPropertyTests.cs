using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;
using EdgePortal.Rules.Lint;
using EdgePortal.Rules.Tests.Invalidation;

namespace EdgePortal.Rules.Tests.Lint;

public class DocumentLinterPropertyTests
{
    [Fact]
    public void Lint_RuleSaidNeverToDecide_NeverDecides() =>
        Gen.Select(RandomDocuments.Document, RandomDocuments.Request.Array[16]).Sample((doc, requests) =>
        {
            var silenced = DocumentLinter.Lint(doc)
                .Where(w => w.Code is LintCodes.ShadowedRule or LintCodes.UnreachableRule)
                .Select(w => (w.Section, w.RuleId))
                .ToHashSet();
            foreach (var request in requests)
            {
                foreach (var @event in (EdgeEvent[])[EdgeEvent.OriginRequest, EdgeEvent.OriginResponse])
                {
                    var decision = RuleEvaluator.Evaluate(doc, request with { Event = @event });
                    Assert.DoesNotContain((decision.Section, decision.RuleId), silenced);
                }
            }
        }, iter: 1_000);

    [Fact]
    public void Lint_CountriesSaidToBeBlocked_NeverReachTheRule() =>
        Gen.Select(RandomDocuments.Document, RandomDocuments.Request.Array[16]).Sample((doc, requests) =>
        {
            var blocked = DocumentLinter.Lint(doc).Where(w => w.Code == LintCodes.BlockedCountries).ToList();
            // CloudFront's own geo restriction turns those viewers away before the handler runs.
            foreach (var request in requests.Where(r => r.Country is not null && !DistributionBlocks(doc.EffectiveGeo, r.Country)))
            {
                var decision = RuleEvaluator.Evaluate(doc, request);
                foreach (var warning in blocked.Where(w => w.Section == decision.Section && w.RuleId == decision.RuleId))
                {
                    Assert.DoesNotContain(request.Country!, NamedCountries(warning.Message));
                }
            }
        }, iter: 1_000);

    [Fact]
    public void Lint_CacheRuleUnderRedirect_NeverSeesAnOriginResponse() =>
        Gen.Select(RandomDocuments.Document, RandomDocuments.Request.Array[16]).Sample((doc, requests) =>
        {
            var covered = DocumentLinter.Lint(doc)
                .Where(w => w.Code == LintCodes.CacheRuleNoEffect && w.Message.Contains("cannot take effect"))
                .Select(w => doc.Cache.First(c => c.Id == w.RuleId))
                .ToList();
            foreach (var request in requests)
            {
                if (covered.Any(c => EdgePortal.Rules.Matching.PathPattern.IsMatch(c.Path, request.Uri)))
                {
                    Assert.NotEqual(DecisionAction.Forward, RuleEvaluator.Evaluate(doc, request).Action);
                }
            }
        }, iter: 1_000);

    private static bool DistributionBlocks(GeoSettings geo, string country) => geo.EnforcedByDistribution
        && (geo.EffectiveMode == GeoMode.Allow ? !geo.Countries.Contains(country) : geo.Countries.Contains(country));

    private static IEnumerable<string> NamedCountries(string message) =>
        RandomDocuments.Countries.Where(c => message.Contains(c, StringComparison.Ordinal));
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>A sentence showing where a redirect sends one sample request, so appendPath and keepQuery read as behaviour.</summary>
public static class RedirectExample
{
    public static string Describe(RedirectRule rule, string uri, string query)
    {
        // The rule alone, matching everything, through the real evaluator: the example cannot drift from the edge.
        var document = new RulesDocument { Redirects = [rule with { Path = "/*", Countries = [] }] };
        var decision = RuleEvaluator.Evaluate(document, new EdgeRequest { Uri = uri, QueryString = query });
        return decision.Action == DecisionAction.Redirect
            ? $"Example: {uri}?{query} → {decision.Status} {decision.Location}"
            : "";
    }
}

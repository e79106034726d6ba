using EdgePortal.Rules.Document;
using EdgePortal.Rules.Matching;

namespace EdgePortal.Rules.Evaluation;

/// <summary>
/// The reference evaluator: what a request gets under a rules document, exactly as the contract
/// says, with a trace of why. The handler at the edge must give the same answer for every request.
/// </summary>
public static class RuleEvaluator
{
    /// <summary>Evaluates <paramref name="request"/> against <paramref name="document"/>.</summary>
    public static Decision Evaluate(RulesDocument document, EdgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(request);
        var trace = new List<TraceStep>();
        return request.Event == EdgeEvent.OriginResponse
            ? OriginResponse(document, request, trace)
            : OriginRequest(document, request, ViewerCountry.Normalize(request.Country), trace);
    }

    private static Decision OriginRequest(RulesDocument document, EdgeRequest request, string? country, List<TraceStep> trace)
    {
        if (GeoStep.Blocks(document.EffectiveGeo, country, trace))
        {
            return Responses.Block(document, section: null, ruleId: null, trace);
        }
        if (AccessStep.Blocks(document, request.Uri, country, trace) is { } blockingRule)
        {
            return Responses.Block(document, RuleSection.Access, blockingRule.Id, trace);
        }
        foreach (var rule in document.Redirects)
        {
            if (PathPattern.IsMatch(rule.Path, request.Uri) && ViewerCountry.Applies(rule, country))
            {
                trace.Add(new TraceStep(TraceStage.Redirects,
                    $"Redirect {rule.Id} matches: path {rule.Path} and {ViewerCountry.Describe(rule.Countries)}; answers {rule.EffectiveStatus}.",
                    rule.Id, rule.Path));
                return Responses.Redirect(rule, request, trace);
            }
        }
        trace.Add(new TraceStep(TraceStage.Redirects, NoMatch("redirect", document.Redirects.Count)));
        foreach (var rule in document.Origins)
        {
            if (PathPattern.IsMatch(rule.Path, request.Uri) && ViewerCountry.Applies(rule, country))
            {
                var origin = CustomOrigin.Of(rule);
                trace.Add(new TraceStep(TraceStage.Origins,
                    $"Origin rule {rule.Id} matches: path {rule.Path} and {ViewerCountry.Describe(rule.Countries)}; sends the request to {origin.Url}.",
                    rule.Id, rule.Path));
                return new Decision
                {
                    Action = DecisionAction.Forward,
                    Origin = origin,
                    Section = RuleSection.Origins,
                    RuleId = rule.Id,
                    Trace = [.. trace],
                };
            }
        }
        trace.Add(new TraceStep(TraceStage.Origins, NoMatch("origin rule", document.Origins.Count)));
        trace.Add(new TraceStep(TraceStage.Default, "The request goes to the origin unchanged."));
        return new Decision { Action = DecisionAction.Forward, Trace = [.. trace] };
    }

    private static Decision OriginResponse(RulesDocument document, EdgeRequest request, List<TraceStep> trace)
    {
        var existing = string.IsNullOrEmpty(request.ResponseCacheControl) ? null : request.ResponseCacheControl;
        foreach (var rule in document.Cache)
        {
            if (!PathPattern.IsMatch(rule.Path, request.Uri))
            {
                continue;
            }
            var value = CacheControlHeader.Format(rule);
            string? sent;
            if (value.Length == 0)
            {
                sent = existing;
                trace.Add(new TraceStep(TraceStage.Cache, $"Cache rule {rule.Id} matches {rule.Path} but sets no directive; the origin's Cache-Control is left alone.", rule.Id, rule.Path));
            }
            else if (rule.EffectiveMode == CacheMode.Default && existing is not null)
            {
                sent = existing;
                trace.Add(new TraceStep(TraceStage.Cache, $"Cache rule {rule.Id} matches {rule.Path} in mode default, and the origin sent Cache-Control; it is left alone.", rule.Id, rule.Path));
            }
            else
            {
                sent = value;
                trace.Add(new TraceStep(TraceStage.Cache, $"Cache rule {rule.Id} matches {rule.Path}; Cache-Control becomes \"{value}\".", rule.Id, rule.Path));
            }
            return new Decision
            {
                Action = DecisionAction.Forward,
                CacheControl = sent,
                Section = RuleSection.Cache,
                RuleId = rule.Id,
                Trace = [.. trace],
            };
        }
        trace.Add(new TraceStep(TraceStage.Cache, NoMatch("cache rule", document.Cache.Count) + " The response goes on unchanged."));
        return new Decision { Action = DecisionAction.Forward, CacheControl = existing, Trace = [.. trace] };
    }

    private static string NoMatch(string noun, int count) => count == 0
        ? $"There is no {noun}."
        : $"No {noun} matches (of {count}).";
}

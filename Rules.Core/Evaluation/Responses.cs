using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Evaluation;

/// <summary>The responses the edge generates: the blocked response and redirects.</summary>
internal static class Responses
{
    public static Decision Block(RulesDocument document, RuleSection? section, string? ruleId, List<TraceStep> trace)
    {
        var blocked = document.EffectiveBlockedResponse;
        return new Decision
        {
            Action = DecisionAction.Block,
            Response = new GeneratedResponse
            {
                Status = blocked.EffectiveStatus,
                Headers =
                [
                    new HeaderValue("content-type", blocked.EffectiveContentType),
                    new HeaderValue("cache-control", $"max-age={blocked.EffectiveCacheSeconds}"),
                ],
                Body = blocked.EffectiveBody,
            },
            Section = section,
            RuleId = ruleId,
            Trace = [.. trace],
        };
    }

    public static Decision Redirect(RedirectRule rule, EdgeRequest request, List<TraceStep> trace)
    {
        var location = BuildLocation(rule, request);
        return new Decision
        {
            Action = DecisionAction.Redirect,
            Response = new GeneratedResponse
            {
                Status = rule.EffectiveStatus,
                Headers =
                [
                    new HeaderValue("location", location),
                    new HeaderValue("cache-control", $"max-age={rule.EffectiveCacheSeconds}"),
                ],
            },
            Location = location,
            Section = RuleSection.Redirects,
            RuleId = rule.Id,
            Trace = [.. trace],
        };
    }

    /// <summary>
    /// <c>location</c>; with appendPath, one trailing <c>/</c> removed and the URI appended; with
    /// keepQuery and a query string, <c>?</c> (or <c>&amp;</c> when location already has one) and the query.
    /// </summary>
    public static string BuildLocation(RedirectRule rule, EdgeRequest request)
    {
        var location = rule.Location;
        if (rule.EffectiveAppendPath)
        {
            location = (location.EndsWith('/') ? location[..^1] : location) + request.Uri;
        }
        if (rule.EffectiveKeepQuery && request.QueryString.Length > 0)
        {
            location += (rule.Location.Contains('?') ? "&" : "?") + request.QueryString;
        }
        return location;
    }
}

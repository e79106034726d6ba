using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Evaluation;

/// <summary>What the edge does with a request.</summary>
public enum DecisionAction
{
    /// <summary>Answer with the blocked response.</summary>
    Block,
    /// <summary>Answer with a redirect.</summary>
    Redirect,
    /// <summary>Send the request on (to the origin, possibly rewritten) or the response on to the viewer.</summary>
    Forward,
}

/// <summary>One header of a generated response or a rewritten request; names are lower case.</summary>
public sealed record HeaderValue(string Name, string Value);

/// <summary>A response the edge generates itself (block or redirect).</summary>
public sealed record GeneratedResponse
{
    public required int Status { get; init; }

    /// <summary>Headers in the order the handler emits them, names lower case.</summary>
    public required EquatableArray<HeaderValue> Headers { get; init; }

    /// <summary>The body, or null for none.</summary>
    public string? Body { get; init; }
}

/// <summary>
/// The answer for one request, with the rule that decided it (if any) and a trace of why.
/// </summary>
public sealed record Decision
{
    public required DecisionAction Action { get; init; }

    /// <summary>The generated response for block and redirect; null for forward.</summary>
    public GeneratedResponse? Response { get; init; }

    /// <summary>Status of the generated response (block and redirect).</summary>
    public int? Status => Response?.Status;

    /// <summary>The redirect's location header.</summary>
    public string? Location { get; init; }

    /// <summary>The whole custom origin the request is sent to when an origin rule rewrote it (its host header is the domain name); otherwise null.</summary>
    public CustomOrigin? Origin { get; init; }

    /// <summary>At origin-response: the <c>Cache-Control</c> value sent on to the viewer, or null when none.</summary>
    public string? CacheControl { get; init; }

    /// <summary>The section of the deciding rule; null when geo or no rule decided.</summary>
    public RuleSection? Section { get; init; }

    /// <summary>The id of the deciding rule, or null.</summary>
    public string? RuleId { get; init; }

    /// <summary>Why, step by step.</summary>
    public required EquatableArray<TraceStep> Trace { get; init; }
}

/// <summary>The evaluation steps, in the order the contract runs them.</summary>
public enum TraceStage
{
    Geo,
    Access,
    Redirects,
    Origins,
    Cache,
    Default,
}

/// <summary>One line of a trace: the stage, the rule it concerns (if any), its pattern and a sentence.</summary>
public sealed record TraceStep(TraceStage Stage, string Message, string? RuleId = null, string? Pattern = null);

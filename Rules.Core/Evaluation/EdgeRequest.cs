namespace EdgePortal.Rules.Evaluation;

/// <summary>The two CloudFront events the handler serves.</summary>
public enum EdgeEvent
{
    OriginRequest,
    OriginResponse,
}

/// <summary>
/// What the evaluator needs to know of a request: the URI, the viewer's country (the
/// <c>cloudfront-viewer-country</c> header, null when absent or empty), the query string without
/// its leading <c>?</c>, the event, and at origin-response the <c>Cache-Control</c> the origin sent.
/// </summary>
public sealed record EdgeRequest
{
    public required string Uri { get; init; }

    public string? Country { get; init; }

    public string QueryString { get; init; } = "";

    public EdgeEvent Event { get; init; } = EdgeEvent.OriginRequest;

    /// <summary>The origin's <c>Cache-Control</c> header at origin-response; null when it sent none.</summary>
    public string? ResponseCacheControl { get; init; }
}

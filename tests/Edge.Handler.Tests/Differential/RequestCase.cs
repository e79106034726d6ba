using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;
using EdgePortal.Edge.Tests.Handler;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Tests.Differential;

/// <summary>How the request reaches its origin before any rule.</summary>
internal enum OriginKind
{
    Custom,
    /// <summary>A custom origin with a secret header, a path, port 8443, http and its own read timeout.</summary>
    CustomWithSecret,
    S3,
    /// <summary>An S3 origin with a folder and a custom header.</summary>
    S3WithFolder,
}

/// <summary>
/// One request for both evaluators: <see cref="Request"/> for the reference evaluator, and the same
/// request as a CloudFront event for the handler. Country is the raw header value (null: no header).
/// </summary>
internal sealed record RequestCase(EdgeRequest Request, OriginKind Origin = OriginKind.Custom)
{
    public JsonObject ToEvent()
    {
        if (Request.Event == EdgeEvent.OriginResponse)
        {
            return CloudFrontEvents.OriginResponse(Request.Uri, Request.ResponseCacheControl, Request.Country);
        }
        var origin = Origin switch
        {
            OriginKind.S3 => CloudFrontEvents.S3Origin(),
            OriginKind.S3WithFolder => OriginEvents.S3OriginWithHeader(),
            OriginKind.CustomWithSecret => OriginEvents.SecretCustomOrigin(),
            _ => CloudFrontEvents.CustomOrigin(),
        };
        return CloudFrontEvents.OriginRequest(Request.Uri, Request.Country, Request.QueryString, origin);
    }

    public override string ToString() =>
        $"{Request.Event} {Request.Uri}?{Request.QueryString} country={Show(Request.Country)} cache-control={Show(Request.ResponseCacheControl)} origin={Origin}";

    private static string Show(string? value) => value is null ? "(none)" : $"\"{value}\"";
}

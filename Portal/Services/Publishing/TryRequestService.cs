using System.Text.Json.Nodes;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Node;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>A request to try: URI, viewer country, query string (without <c>?</c>), event, and at origin-response the origin's Cache-Control.</summary>
public sealed record TryRequest(string Uri, string? Country, string QueryString, EdgeEvent Event, string? OriginCacheControl = null);

/// <summary>What the live handler returned (or why it could not run) next to what the live revision says it should.</summary>
public sealed record TryResult(string? HandlerJson, string? Error, LiveVersion? Version, RevisionSummary? LiveRevision, Decision? Expected);

/// <summary>"Try a request against what is live" on the local target: runs the handler the distribution points at under Node.js.</summary>
public sealed class TryRequestService(LocalLiveHandler live, ITargetService targets)
{
    public async Task<TryResult> TryAsync(string targetId, TryRequest request, CancellationToken cancellationToken = default)
    {
        if (!request.Uri.StartsWith('/'))
        {
            return new TryResult(null, "uri: must start with '/'.", null, null, null);
        }
        var revision = await targets.GetLiveRevisionAsync(targetId, cancellationToken);
        var expected = revision is null ? null : RuleEvaluator.Evaluate(revision.Document, new EdgeRequest
        {
            Uri = request.Uri,
            Country = string.IsNullOrWhiteSpace(request.Country) ? null : request.Country.Trim().ToUpperInvariant(),
            QueryString = request.QueryString.TrimStart('?'),
            Event = request.Event,
            ResponseCacheControl = request.OriginCacheControl,
        });
        var eventType = request.Event == EdgeEvent.OriginResponse ? "origin-response" : "origin-request";
        var version = live.Find(eventType: eventType);
        try
        {
            var invocation = await live.InvokeAsync(CloudFrontEvent.Build(request, eventType).ToJsonString(), cancellationToken: cancellationToken);
            return new TryResult(invocation.Result?.ToJsonString(new() { WriteIndented = true }), invocation.Error, version, revision?.Summary, expected);
        }
        catch (InvalidOperationException nothingLive)
        {
            return new TryResult(null, nothingLive.Message, version, revision?.Summary, expected);
        }
        catch (NodeNotFoundException noNode)
        {
            return new TryResult(null, noNode.Message, version, revision?.Summary, expected);
        }
    }
}

/// <summary>The CloudFront event Lambda@Edge receives for a <see cref="TryRequest"/>.</summary>
internal static class CloudFrontEvent
{
    public static JsonObject Build(TryRequest request, string eventType)
    {
        var headers = new JsonObject { ["host"] = Header("Host", "d111111abcdef8.cloudfront.net") };
        if (!string.IsNullOrWhiteSpace(request.Country))
        {
            headers["cloudfront-viewer-country"] = Header("CloudFront-Viewer-Country", request.Country.Trim().ToUpperInvariant());
        }
        var cf = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["distributionDomainName"] = "d111111abcdef8.cloudfront.net",
                ["distributionId"] = LocalSeed.DistributionId,
                ["eventType"] = eventType,
                ["requestId"] = "portal-try",
            },
            ["request"] = new JsonObject
            {
                ["clientIp"] = "203.0.113.10",
                ["headers"] = headers,
                ["method"] = "GET",
                ["querystring"] = request.QueryString.TrimStart('?'),
                ["uri"] = request.Uri,
            },
        };
        if (eventType == "origin-response")
        {
            var responseHeaders = new JsonObject { ["content-type"] = Header("Content-Type", "text/html") };
            if (!string.IsNullOrWhiteSpace(request.OriginCacheControl))
            {
                responseHeaders["cache-control"] = Header("Cache-Control", request.OriginCacheControl);
            }
            cf["response"] = new JsonObject { ["headers"] = responseHeaders, ["status"] = "200", ["statusDescription"] = "OK" };
        }
        return new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["cf"] = cf }) };
    }

    private static JsonArray Header(string key, string value) => new(new JsonObject { ["key"] = key, ["value"] = value });
}

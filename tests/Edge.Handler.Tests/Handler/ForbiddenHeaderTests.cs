using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;
using EdgePortal.Edge.Tests.Differential;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// Lambda@Edge answers 502 when a function adds a forbidden header or changes a read-only one
/// (facts/lambda-edge.md). Checked over random documents and requests, every outcome kind.
/// </summary>
public sealed class ForbiddenHeaderTests
{
    private static readonly string[] _forbidden =
    [
        "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
        "trailer", "upgrade", "x-amzn-auth", "x-amzn-cf-billing", "x-amzn-cf-id", "x-amzn-cf-xff", "x-amzn-errortype",
        "x-amzn-fle-profile", "x-amzn-header-count", "x-amzn-header-order", "x-amzn-lambda-integration-tag",
        "x-amzn-requestid", "x-cache", "x-forwarded-proto", "x-real-ip",
    ];

    private static readonly string[] _forbiddenPrefixes = ["x-accel-", "x-amz-cf-", "x-edge-"];

    private static readonly string[] _readOnlyAtOriginRequest =
    [
        "accept-encoding", "content-length", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since",
        "transfer-encoding", "via",
    ];

    private static readonly string[] _readOnlyAtOriginResponse = ["transfer-encoding", "via"];

    [Fact]
    public async Task Handler_RandomDocumentsAndRequests_NeverAddsForbiddenOrChangesReadOnlyHeaders()
    {
        var random = new Random(20261127);
        var checkedResponses = 0;
        for (var d = 0; d < 20; d++)
        {
            var document = RandomDocuments.Next(random);
            await using var host = await Packages.StartAsync(document);
            var cases = Enumerable.Range(0, 50).Select(_ => RandomRequests.Next(random, document)).ToList();
            var events = cases.Select(c => WithReadOnlyHeaders(c.ToEvent())).ToList();
            var results = await host.InvokeManyAsync([.. events.Select(e => e.ToJsonString())]);
            for (var i = 0; i < events.Count; i++)
            {
                var responseEvent = cases[i].Request.Event == EdgeEvent.OriginResponse;
                var result = results[i].Result!;
                // A generated response (block, redirect) is a new object: every header in it counts as added.
                var generated = !responseEvent && result["uri"] is null;
                var input = generated
                    ? []
                    : CloudFrontEvents.Part(events[i], responseEvent ? "response" : "request")["headers"]!.AsObject();
                var output = result["headers"]!.AsObject();
                AssertNoForbiddenHeaders(input, output);
                foreach (var name in generated ? [] : responseEvent ? _readOnlyAtOriginResponse : _readOnlyAtOriginRequest)
                {
                    Assert.Equal(input[name]?.ToJsonString(), output[name]?.ToJsonString());
                }
                checkedResponses++;
            }
        }
        Assert.Equal(1000, checkedResponses);
    }

    private static void AssertNoForbiddenHeaders(JsonObject input, JsonObject output)
    {
        foreach (var (name, _) in output)
        {
            if (input.ContainsKey(name))
            {
                continue;
            }
            Assert.DoesNotContain(name, _forbidden);
            Assert.DoesNotContain(_forbiddenPrefixes, prefix => name.StartsWith(prefix, StringComparison.Ordinal));
            Assert.Contains(name, (string[])["content-type", "cache-control", "location", "host", "x-edgeportal-revision"]);
        }
    }

    private static JsonObject WithReadOnlyHeaders(JsonObject cloudFrontEvent)
    {
        var cf = cloudFrontEvent["Records"]![0]!["cf"]!;
        var part = cf["response"] ?? cf["request"]!;
        var headers = part["headers"]!.AsObject();
        headers["if-none-match"] = JsonNode.Parse("""[{ "key": "If-None-Match", "value": "\"abc\"" }]""");
        headers["content-length"] = JsonNode.Parse("""[{ "key": "Content-Length", "value": "0" }]""");
        headers["transfer-encoding"] = JsonNode.Parse("""[{ "key": "Transfer-Encoding", "value": "chunked" }]""");
        headers["via"] = JsonNode.Parse("""[{ "key": "Via", "value": "1.1 x.cloudfront.net (CloudFront)" }]""");
        return cloudFrontEvent;
    }
}

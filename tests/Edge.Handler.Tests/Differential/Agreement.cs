using System.Globalization;
using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Tests.Differential;

/// <summary>
/// Turns the reference evaluator's decision into the exact CloudFront answer the contract asks for,
/// and compares it with what the handler returned: action, status, every generated header in order
/// (name, original-case key, value), body, location, the whole rewritten request (origin object and every header,
/// host included), cache-control; the revision header
/// is checked against the package's revision id.
/// </summary>
internal static class Agreement
{
    private const string RevisionHeader = "x-edgeportal-revision";

    /// <summary>Null when they agree; otherwise a sentence saying what differs.</summary>
    public static string? Check(Decision decision, RequestCase request, JsonNode? result, string revision)
    {
        var cloudFrontEvent = request.ToEvent();
        var cf = cloudFrontEvent["Records"]![0]!["cf"]!;
        if (request.Request.Event == EdgeEvent.OriginResponse)
        {
            return Compare("response", ExpectedResponse(decision, cf["response"]!.AsObject()), result);
        }
        return decision.Action == DecisionAction.Forward
            ? Compare("forwarded request", ExpectedRequest(decision, cf["request"]!.AsObject()), result)
            : CheckGenerated(decision, result, revision);
    }

    private static string? CheckGenerated(Decision decision, JsonNode? result, string revision)
    {
        var generated = decision.Response!;
        if (result?["status"] is null)
        {
            return $"expected a generated {decision.Action} response, handler returned {Show(result)}";
        }
        var headers = new JsonObject();
        foreach (var header in generated.Headers)
        {
            headers[header.Name] = new JsonArray(new JsonObject { ["key"] = OriginalCase(header.Name), ["value"] = header.Value });
        }
        var actualHeaders = result["headers"]?.AsObject();
        var actualRevision = actualHeaders?[RevisionHeader]?.ToJsonString();
        var expectedRevision = new JsonArray(new JsonObject { ["key"] = "X-EdgePortal-Revision", ["value"] = revision }).ToJsonString();
        if (actualRevision != expectedRevision)
        {
            return $"revision header {actualRevision}, expected {expectedRevision}";
        }
        var withoutRevision = actualHeaders!.DeepClone().AsObject();
        withoutRevision.Remove(RevisionHeader);
        var actual = new JsonObject
        {
            ["status"] = result["status"]?.DeepClone(),
            ["headers"] = withoutRevision,
            ["body"] = result["body"]?.DeepClone(),
        };
        var expected = new JsonObject
        {
            ["status"] = generated.Status.ToString(CultureInfo.InvariantCulture),
            ["headers"] = headers,
            ["body"] = generated.Body,
        };
        return Compare($"{decision.Action} response", expected, actual);
    }

    // The whole new custom origin of the contract; only the timeouts (CloudFront's connection settings, not
    // the evaluator's business) come from the request's old custom origin, else CloudFront's defaults.
    private static JsonObject ExpectedRequest(Decision decision, JsonObject request)
    {
        if (decision.Origin is not { } origin)
        {
            return request;
        }
        var old = request["origin"]?["custom"] as JsonObject;
        request["origin"] = new JsonObject
        {
            ["custom"] = new JsonObject
            {
                ["customHeaders"] = CloudFrontEvents.Headers([.. origin.CustomHeaders.Select(h => (OriginalCase(h.Name), h.Value))]),
                ["domainName"] = origin.DomainName,
                ["keepaliveTimeout"] = old?["keepaliveTimeout"]?.DeepClone() ?? 5,
                ["path"] = origin.Path,
                ["port"] = origin.Port,
                ["protocol"] = origin.Protocol == OriginProtocol.Http ? "http" : "https",
                ["readTimeout"] = old?["readTimeout"]?.DeepClone() ?? 30,
                ["sslProtocols"] = new JsonArray([.. CustomOrigin.SslProtocols.Select(p => JsonValue.Create(p))]),
            },
        };
        request["headers"]!["host"] = new JsonArray(new JsonObject { ["key"] = "Host", ["value"] = origin.DomainName });
        return request;
    }

    private static JsonObject ExpectedResponse(Decision decision, JsonObject response)
    {
        var headers = response["headers"]!.AsObject();
        var existing = headers["cache-control"]?[0]?["value"]?.GetValue<string>();
        if (NullWhenEmpty(existing) != decision.CacheControl)
        {
            headers["cache-control"] = new JsonArray(new JsonObject { ["key"] = "Cache-Control", ["value"] = decision.CacheControl });
        }
        return response;
    }

    private static string? Compare(string what, JsonNode? expected, JsonNode? actual)
    {
        var expectedText = Show(expected);
        var actualText = Show(actual);
        return expectedText == actualText ? null : $"{what} differs:\n  evaluator: {expectedText}\n  handler:   {actualText}";
    }

    private static string OriginalCase(string name) => name switch
    {
        "content-type" => "Content-Type",
        "cache-control" => "Cache-Control",
        "location" => "Location",
        _ => name,
    };

    private static string? NullWhenEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string Show(JsonNode? node) => node?.ToJsonString() ?? "null";
}

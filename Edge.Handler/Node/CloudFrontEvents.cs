using System.Text.Json.Nodes;

namespace EdgePortal.Edge.Node;

/// <summary>
/// CloudFront events shaped as AWS documents them (the examples in the Lambda@Edge developer guide), for
/// trying a handler on a request: tests, the benchmark, and anyone running a package on their own events.
/// </summary>
public static class CloudFrontEvents
{
    public const string DistributionDomain = "d111111abcdef8.cloudfront.net";

    public static JsonObject CustomOrigin(string domainName = "origin.example.com", string path = "") => new()
    {
        ["custom"] = new JsonObject
        {
            ["customHeaders"] = new JsonObject(),
            ["domainName"] = domainName,
            ["keepaliveTimeout"] = 5,
            ["path"] = path,
            ["port"] = 443,
            ["protocol"] = "https",
            ["readTimeout"] = 30,
            ["sslProtocols"] = new JsonArray("TLSv1.2"),
        },
    };

    public static JsonObject S3Origin(string path = "") => new()
    {
        ["s3"] = new JsonObject
        {
            ["authMethod"] = "origin-access-identity",
            ["customHeaders"] = new JsonObject(),
            ["domainName"] = "my-bucket.s3.amazonaws.com",
            ["path"] = path,
            ["region"] = "us-east-1",
        },
    };

    /// <summary>Headers as CloudFront sends them: keyed by lower-case name, each a list of { key, value }.</summary>
    public static JsonObject Headers(params (string Key, string Value)[] headers)
    {
        var result = new JsonObject();
        foreach (var (key, value) in headers)
        {
            var name = key.ToLowerInvariant();
            if (result[name] is not JsonArray list)
            {
                list = [];
                result[name] = list;
            }
            list.Add(new JsonObject { ["key"] = key, ["value"] = value });
        }
        return result;
    }

    /// <summary>A request as origin events carry it; <paramref name="country"/> null means no cloudfront-viewer-country header.</summary>
    public static JsonObject Request(string uri, string? country = null, string querystring = "", JsonObject? origin = null)
    {
        List<(string, string)> headers =
        [
            ("Host", DistributionDomain),
            ("User-Agent", "Amazon CloudFront"),
            ("Accept-Encoding", "gzip"),
            ("Via", "2.0 2afae0d44e2540f472c0635ab62c232b.cloudfront.net (CloudFront)"),
        ];
        if (country is not null)
        {
            headers.Add(("CloudFront-Viewer-Country", country));
        }
        var request = new JsonObject
        {
            ["clientIp"] = "203.0.113.178",
            ["headers"] = Headers([.. headers]),
            ["method"] = "GET",
            ["querystring"] = querystring,
            ["uri"] = uri,
        };
        if (origin is not null)
        {
            request["origin"] = origin;
        }
        return request;
    }

    /// <summary>An origin's response; <paramref name="cacheControl"/> null means it sent no Cache-Control.</summary>
    public static JsonObject Response(string? cacheControl)
    {
        List<(string, string)> headers = [("Content-Type", "video/mp4")];
        if (cacheControl is not null)
        {
            headers.Add(("Cache-Control", cacheControl));
        }
        headers.Add(("Transfer-Encoding", "chunked"));
        headers.Add(("Via", "1.1 origin"));
        return new JsonObject { ["headers"] = Headers([.. headers]), ["status"] = "200", ["statusDescription"] = "OK" };
    }

    public static JsonObject OriginRequest(string uri, string? country = null, string querystring = "", JsonObject? origin = null) =>
        Event("origin-request", Request(uri, country, querystring, origin ?? CustomOrigin()));

    public static JsonObject OriginResponse(string uri, string? cacheControl, string? country = null) =>
        Event("origin-response", Request(uri, country), Response(cacheControl));

    public static JsonObject Event(string eventType, JsonObject request, JsonObject? response = null)
    {
        var cf = new JsonObject
        {
            ["config"] = new JsonObject
            {
                ["distributionDomainName"] = DistributionDomain,
                ["distributionId"] = "EDFDVBD6EXAMPLE",
                ["eventType"] = eventType,
                ["requestId"] = "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==",
            },
            ["request"] = request,
        };
        if (response is not null)
        {
            cf["response"] = response;
        }
        return new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["cf"] = cf }) };
    }

    /// <summary>The <c>request</c> or <c>response</c> of an event, as the handler receives it.</summary>
    public static JsonNode Part(JsonObject cloudFrontEvent, string name) => cloudFrontEvent["Records"]![0]!["cf"]![name]!;
}

using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>What the handler returns to CloudFront, compared as whole JSON values.</summary>
public sealed class EventShapeTests : IAsyncLifetime
{
    private NodeHandlerHost _vod = null!;
    private NodeHandlerHost _legal = null!;

    public async Task InitializeAsync()
    {
        _vod = await Packages.StartAsync(SampleDocuments.Vod);
        _legal = await Packages.StartAsync(SampleDocuments.LegalBlock, "rev-legal");
    }

    public async Task DisposeAsync()
    {
        await _vod.DisposeAsync();
        await _legal.DisposeAsync();
    }

    [Fact]
    public async Task OriginRequest_CountryOutsideGeo_ReturnsBlockedResponse()
    {
        var result = await InvokeAsync(_vod, CloudFrontEvents.OriginRequest("/movies/1.mp4", country: "fr"));

        var expected = JsonNode.Parse("""
            {
              "status": "403",
              "statusDescription": "Forbidden",
              "headers": {
                "content-type": [{ "key": "Content-Type", "value": "text/plain; charset=utf-8" }],
                "cache-control": [{ "key": "Cache-Control", "value": "max-age=60" }],
                "x-edgeportal-revision": [{ "key": "X-EdgePortal-Revision", "value": "rev-test-1" }]
              },
              "body": "This content is not available in your country.",
              "bodyEncoding": "text"
            }
            """);
        AssertJson(expected, result);
    }

    [Fact]
    public async Task OriginRequest_LegalBlockDocument_Returns451WithItsBody()
    {
        var result = await InvokeAsync(_legal, CloudFrontEvents.OriginRequest("/live/bundesliga/match", country: "US"));

        var expected = JsonNode.Parse("""
            {
              "status": "451",
              "statusDescription": "Unavailable For Legal Reasons",
              "headers": {
                "content-type": [{ "key": "Content-Type", "value": "text/html; charset=utf-8" }],
                "cache-control": [{ "key": "Cache-Control", "value": "max-age=30" }],
                "x-edgeportal-revision": [{ "key": "X-EdgePortal-Revision", "value": "rev-legal" }]
              },
              "body": "<p>Nicht verfügbar.</p>",
              "bodyEncoding": "text"
            }
            """);
        AssertJson(expected, result);
    }

    [Fact]
    public async Task OriginRequest_RedirectRule_ReturnsLocationWithQueryAndNoBody()
    {
        var result = await InvokeAsync(_vod, CloudFrontEvents.OriginRequest("/movies/1", country: "CA", querystring: "lang=fr&t=10"));

        var expected = JsonNode.Parse("""
            {
              "status": "301",
              "statusDescription": "Moved Permanently",
              "headers": {
                "location": [{ "key": "Location", "value": "https://ca.example.com/?lang=fr&t=10" }],
                "cache-control": [{ "key": "Cache-Control", "value": "max-age=3600" }],
                "x-edgeportal-revision": [{ "key": "X-EdgePortal-Revision", "value": "rev-test-1" }]
              }
            }
            """);
        AssertJson(expected, result);
    }

    [Fact]
    public async Task OriginRequest_AppendPathRedirect_AppendsUriWithoutDoubleSlash()
    {
        var result = await InvokeAsync(_vod, CloudFrontEvents.OriginRequest("/shows/dark/s1", country: "US", querystring: "dropped=1"));

        Assert.Equal("302", result!["status"]!.GetValue<string>());
        Assert.Equal("Found", result["statusDescription"]!.GetValue<string>());
        Assert.Equal("https://www.example.com/series/shows/dark/s1", result["headers"]!["location"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("max-age=300", result["headers"]!["cache-control"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task OriginRequest_OriginRule_RewritesCustomOriginAndHostOnly()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginRequest("/library/books/1", country: "DE", querystring: "a=1");
        var expected = CloudFrontEvents.Part(cloudFrontEvent, "request").DeepClone();
        expected["origin"]!["custom"]!["domainName"] = "eu-library.example.com";
        expected["origin"]!["custom"]!["path"] = "/eu";
        expected["headers"]!["host"] = JsonNode.Parse("""[{ "key": "Host", "value": "eu-library.example.com" }]""");

        AssertJson(expected, await InvokeAsync(_vod, cloudFrontEvent));
    }

    [Fact]
    public async Task OriginRequest_NothingMatches_ReturnsRequestUnchanged()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginRequest("/movies/2", country: "us", querystring: "x=1");

        AssertJson(CloudFrontEvents.Part(cloudFrontEvent, "request"), await InvokeAsync(_vod, cloudFrontEvent));
    }

    [Fact]
    public async Task OriginResponse_CacheRule_ReplacesCacheControlAndNothingElse()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginResponse("/video/a.mp4", cacheControl: "no-cache");
        var expected = CloudFrontEvents.Part(cloudFrontEvent, "response").DeepClone();
        expected["headers"]!["cache-control"] = JsonNode.Parse(
            """[{ "key": "Cache-Control", "value": "max-age=86400, s-maxage=604800, stale-while-revalidate=300, stale-if-error=86400" }]""");

        AssertJson(expected, await InvokeAsync(_vod, cloudFrontEvent));
    }

    [Theory]
    [InlineData("max-age=5", "max-age=5")]
    [InlineData(null, "public, max-age=600, immutable")]
    [InlineData("", "public, max-age=600, immutable")]
    public async Task OriginResponse_DefaultModeRule_SetsCacheControlOnlyWhenOriginSentNone(string? sent, string expected)
    {
        var result = await InvokeAsync(_vod, CloudFrontEvents.OriginResponse("/img/logo.png", sent));

        var values = result!["headers"]!["cache-control"]!.AsArray();
        Assert.Equal(expected, Assert.Single(values)!["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("/plain/a.txt")]
    [InlineData("/elsewhere")]
    public async Task OriginResponse_NoDirectiveOrNoRule_ReturnsResponseUnchanged(string uri)
    {
        var cloudFrontEvent = CloudFrontEvents.OriginResponse(uri, cacheControl: "max-age=1");

        AssertJson(CloudFrontEvents.Part(cloudFrontEvent, "response"), await InvokeAsync(_vod, cloudFrontEvent));
    }

    private static async Task<JsonNode?> InvokeAsync(NodeHandlerHost host, JsonObject cloudFrontEvent)
    {
        var invocation = await host.InvokeAsync(cloudFrontEvent.ToJsonString());
        Assert.Null(invocation.Error);
        Assert.Empty(invocation.Logs);
        return invocation.Result;
    }

    // Compares the serialised form so that property order (the order CloudFront sees) counts too.
    internal static void AssertJson(JsonNode? expected, JsonNode? actual) =>
        Assert.Equal(expected?.ToJsonString(), actual?.ToJsonString());
}

using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>Events the handler does not serve, and events it cannot read, go through unchanged.</summary>
public sealed class PassThroughTests : IAsyncLifetime
{
    private NodeHandlerHost _host = null!;

    public async Task InitializeAsync() => _host = await Packages.StartAsync(SampleDocuments.Vod);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task ViewerRequest_BlockedCountry_ReturnsRequestUnchangedWithoutLogging()
    {
        var cloudFrontEvent = CloudFrontEvents.Event("viewer-request", CloudFrontEvents.Request("/movies/1", country: "FR"));

        var invocation = await _host.InvokeAsync(cloudFrontEvent.ToJsonString());

        EventShapeTests.AssertJson(CloudFrontEvents.Part(cloudFrontEvent, "request"), invocation.Result);
        Assert.Empty(invocation.Logs);
    }

    [Fact]
    public async Task ViewerResponse_CachedPath_ReturnsResponseUnchanged()
    {
        var cloudFrontEvent = CloudFrontEvents.Event("viewer-response", CloudFrontEvents.Request("/video/a.mp4"), CloudFrontEvents.Response("no-store"));

        var invocation = await _host.InvokeAsync(cloudFrontEvent.ToJsonString());

        EventShapeTests.AssertJson(CloudFrontEvents.Part(cloudFrontEvent, "response"), invocation.Result);
        Assert.Empty(invocation.Logs);
    }

    public static TheoryData<string> NotCloudFrontEvents => new()
    {
        "null",
        "\"origin-request\"",
        "42",
        "{}",
        """{ "Records": [] }""",
        """{ "Records": [{ "cf": null }] }""",
        """{ "Records": "none" }""",
    };

    [Theory]
    [MemberData(nameof(NotCloudFrontEvents))]
    public async Task Handler_NotACloudFrontEvent_ReturnsItUnchangedAndLogsOneLine(string json)
    {
        var invocation = await _host.InvokeAsync(json);

        Assert.Null(invocation.Error);
        Assert.Equal(JsonNode.Parse(json)?.ToJsonString(), invocation.Result?.ToJsonString());
        Assert.Contains("malformed event", Assert.Single(invocation.Logs));
    }

    public static TheoryData<string, string> MalformedRequests => new()
    {
        { "origin-request", """{ "headers": {}, "querystring": "" }""" },
        { "origin-request", """{ "uri": 7, "headers": {} }""" },
        { "origin-request", """{ "uri": "/movies/1", "headers": [] }""" },
        { "origin-request", """{ "uri": "/movies/1" }""" },
        { "origin-response", """{ "uri": "/video/a.mp4", "headers": null }""" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task Handler_MalformedRequest_ReturnsItUnchangedAndLogsOneLine(string eventType, string requestJson)
    {
        var request = JsonNode.Parse(requestJson)!.AsObject();
        var cloudFrontEvent = CloudFrontEvents.Event(eventType, request, eventType == "origin-response" ? CloudFrontEvents.Response(null) : null);
        var part = eventType == "origin-response" ? "response" : "request";

        var invocation = await _host.InvokeAsync(cloudFrontEvent.ToJsonString());

        EventShapeTests.AssertJson(CloudFrontEvents.Part(cloudFrontEvent, part), invocation.Result);
        Assert.Contains("malformed event", Assert.Single(invocation.Logs));
    }

    [Fact]
    public async Task OriginResponse_WithoutResponse_ReturnsEventUnchangedAndLogsOneLine()
    {
        var cloudFrontEvent = CloudFrontEvents.Event("origin-response", CloudFrontEvents.Request("/video/a.mp4"));

        var invocation = await _host.InvokeAsync(cloudFrontEvent.ToJsonString());

        EventShapeTests.AssertJson(cloudFrontEvent, invocation.Result);
        Assert.Single(invocation.Logs);
    }
}

using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// An origin rule sends the request to a new custom origin: nothing of the old origin (its secret
/// headers, its path, its port or protocol, an S3 origin's folder) goes with it.
/// </summary>
public sealed class OriginRewriteTests : IAsyncLifetime
{
    private static readonly RulesDocument _document = new()
    {
        Origins =
        [
            new OriginRule { Id = "eu-library", Path = "/library/*", DomainName = "eu-library.example.com", OriginPath = "/eu" },
            new OriginRule { Id = "archive", Path = "/archive/*", DomainName = "archive.example.com" },
            new OriginRule
            {
                Id = "plain", Path = "/plain/*", DomainName = "plain.example.com", OriginPath = "/v2", Port = 8080,
                Protocol = OriginProtocol.Http, AllowInsecure = true,
            },
        ],
    };

    private NodeHandlerHost _host = null!;

    public async Task InitializeAsync() => _host = await Packages.StartAsync(_document);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task OriginRequest_CustomOriginWithSecretHeaderPathAndPort_SendsToFreshHttpsOrigin()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginRequest("/library/1", origin: OriginEvents.SecretCustomOrigin());

        var result = await InvokeAsync(cloudFrontEvent);

        // The old origin's read timeout (60) is CloudFront's setting for the connection, not the origin's secret: it stays.
        EventShapeTests.AssertJson(JsonNode.Parse("""
            {
              "custom": {
                "customHeaders": {},
                "domainName": "eu-library.example.com",
                "keepaliveTimeout": 5,
                "path": "/eu",
                "port": 443,
                "protocol": "https",
                "readTimeout": 60,
                "sslProtocols": ["TLSv1.2"]
              }
            }
            """), result["origin"]);
        EventShapeTests.AssertJson(JsonNode.Parse("""[{ "key": "Host", "value": "eu-library.example.com" }]"""), result["headers"]!["host"]);
        Assert.DoesNotContain(OriginEvents.Secret, result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OriginRequest_RuleWithoutOriginPath_DropsTheOldOriginPath()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginRequest("/archive/1999", origin: OriginEvents.SecretCustomOrigin());

        var result = await InvokeAsync(cloudFrontEvent);

        Assert.Equal("", result["origin"]!["custom"]!["path"]!.GetValue<string>());
        Assert.Equal("archive.example.com", result["origin"]!["custom"]!["domainName"]!.GetValue<string>());
    }

    [Fact]
    public async Task OriginRequest_S3OriginWithFolderAndHeader_BecomesCustomOriginWithoutEither()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginRequest("/archive/2001/y", origin: OriginEvents.S3OriginWithHeader());

        var result = await InvokeAsync(cloudFrontEvent);

        EventShapeTests.AssertJson(JsonNode.Parse("""
            {
              "custom": {
                "customHeaders": {},
                "domainName": "archive.example.com",
                "keepaliveTimeout": 5,
                "path": "",
                "port": 443,
                "protocol": "https",
                "readTimeout": 30,
                "sslProtocols": ["TLSv1.2"]
              }
            }
            """), result["origin"]);
        EventShapeTests.AssertJson(JsonNode.Parse("""[{ "key": "Host", "value": "archive.example.com" }]"""), result["headers"]!["host"]);
    }

    [Fact]
    public async Task OriginRequest_RuleWithPortAndHttp_SendsToThatPortOverHttp()
    {
        var cloudFrontEvent = CloudFrontEvents.OriginRequest("/plain/a", origin: OriginEvents.SecretCustomOrigin(port: 443, protocol: "https"));

        var result = await InvokeAsync(cloudFrontEvent);

        EventShapeTests.AssertJson(JsonNode.Parse("""
            {
              "custom": {
                "customHeaders": {},
                "domainName": "plain.example.com",
                "keepaliveTimeout": 5,
                "path": "/v2",
                "port": 8080,
                "protocol": "http",
                "readTimeout": 60,
                "sslProtocols": ["TLSv1.2"]
              }
            }
            """), result["origin"]);
    }

    private async Task<JsonNode> InvokeAsync(JsonObject cloudFrontEvent)
    {
        var invocation = await _host.InvokeAsync(cloudFrontEvent.ToJsonString());
        Assert.Null(invocation.Error);
        Assert.Empty(invocation.Logs);
        return invocation.Result!;
    }
}

namespace EdgePortal.Portal.Tests.Cli;

/// <summary><c>handler invoke</c> runs the zip under Node.js (which must be on PATH).</summary>
public sealed class HandlerInvokeCommandTests : IDisposable
{
    private const string BlockedEvent = """
        { "Records": [ { "cf": {
            "config": { "distributionDomainName": "d111111abcdef8.cloudfront.net", "distributionId": "EDFDVBD6EXAMPLE", "eventType": "origin-request", "requestId": "r1" },
            "request": { "clientIp": "203.0.113.178", "method": "GET", "uri": "/index.html", "querystring": "",
              "headers": { "cloudfront-viewer-country": [ { "key": "CloudFront-Viewer-Country", "value": "FR" } ] },
              "origin": { "custom": { "domainName": "origin.example.com", "path": "", "port": 443, "protocol": "https",
                "customHeaders": {}, "keepaliveTimeout": 5, "readTimeout": 30, "sslProtocols": ["TLSv1.2"] } } } } } ] }
        """;

    private readonly HandlerCliFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task HandlerInvoke_BlockedCountry_PrintsTheBlockedResponse()
    {
        await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath, "--revision", "rev-5");
        var eventPath = _files.Write("event.json", BlockedEvent);

        var output = await _files.RunAsync("handler", "invoke", _files.ZipPath, "--event", eventPath);

        Assert.Equal("""
            exit: 0
            --- stdout
            {
              "status": "403",
              "statusDescription": "Forbidden",
              "headers": {
                "content-type": [
                  {
                    "key": "Content-Type",
                    "value": "text/plain; charset=utf-8"
                  }
                ],
                "cache-control": [
                  {
                    "key": "Cache-Control",
                    "value": "max-age=60"
                  }
                ],
                "x-edgeportal-revision": [
                  {
                    "key": "X-EdgePortal-Revision",
                    "value": "rev-5"
                  }
                ]
              },
              "body": "This content is not available in your country.",
              "bodyEncoding": "text"
            }
            --- stderr

            """.Replace("\r\n", "\n", StringComparison.Ordinal), output);
    }

    [Fact]
    public async Task HandlerInvoke_EventNotJson_ExitsTwo()
    {
        await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath);
        var eventPath = _files.Write("event.json", "{ not json");

        var output = await _files.RunAsync("handler", "invoke", _files.ZipPath, "--event", eventPath);

        Assert.StartsWith("exit: 2\n--- stdout\n--- stderr\nhandler invoke: the event event.json is not JSON: ", output);
    }

    [Fact]
    public async Task HandlerInvoke_MalformedEvent_PrintsItBackAndTheLogLine()
    {
        await _files.RunAsync("handler", "build", _files.DocumentPath, "--out", _files.ZipPath);
        var eventPath = _files.Write("event.json", """{ "hello": "world" }""");

        var output = await _files.RunAsync("handler", "invoke", _files.ZipPath, "--event", eventPath);

        Assert.StartsWith("exit: 0\n--- stdout\n{\n  \"hello\": \"world\"\n}\n--- stderr\n{\"edgeportal\":\"malformed event passed through unchanged\"", output);
    }
}

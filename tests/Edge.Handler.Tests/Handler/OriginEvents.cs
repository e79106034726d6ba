using System.Text.Json.Nodes;
using EdgePortal.Edge.Node;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// Origins as a real distribution has them before any rule: a custom origin that sends a secret header,
/// uses a path and a non-default port and protocol (as in shared/fixtures/distribution-config.xml), and an
/// S3 origin with a folder and a custom header.
/// </summary>
internal static class OriginEvents
{
    public const string Secret = "secret-value";

    public static JsonObject SecretCustomOrigin(string path = "/content", int port = 8443, string protocol = "http", int readTimeout = 60)
    {
        var origin = CloudFrontEvents.CustomOrigin(path: path);
        var custom = origin["custom"]!;
        custom["customHeaders"] = CloudFrontEvents.Headers(("X-Origin-Verify", Secret));
        custom["port"] = port;
        custom["protocol"] = protocol;
        custom["readTimeout"] = readTimeout;
        return origin;
    }

    public static JsonObject S3OriginWithHeader(string path = "/media")
    {
        var origin = CloudFrontEvents.S3Origin(path);
        origin["s3"]!["customHeaders"] = CloudFrontEvents.Headers(("X-Bucket-Verify", Secret));
        return origin;
    }
}

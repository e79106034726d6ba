using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>
/// The same calls made by the official JavaScript SDK (tests/js/emulator-requests.mjs) and by our C# clients,
/// compared request by request as the emulator received them: method, path, query, content type, body.
/// </summary>
public sealed partial class RequestComparisonTests
{
    private static readonly byte[] EmptyZip = [0x50, 0x4b, 0x05, 0x06, .. new byte[18]];

    [Fact]
    public async Task CSharpClients_SameCallsAsTheJavaScriptSdk_SendTheSameRequests()
    {
        var expected = await JavaScriptRequestsAsync();
        var actual = await CSharpRequestsAsync();

        Assert.Equal(expected.Select(r => r.Operation), actual.Select(r => r.Operation));
        for (var i = 0; i < expected.Count; i++)
        {
            var (js, cs) = (expected[i], actual[i]);
            var operation = js.Operation;
            Assert.Equal((operation, js.Method, Normalize(js.Path)), (operation, cs.Method, Normalize(cs.Path)));
            Assert.Equal((operation, Query(js.Query)), (operation, Query(cs.Query)));
            Assert.Equal((operation, js.ContentType), (operation, cs.ContentType));
            Assert.Equal((operation, js.Headers.ContainsKey("if-match")), (operation, cs.Headers.ContainsKey("if-match")));
            Assert.True(SameBody(js, cs), $"{operation}: the bodies differ.\nJavaScript SDK: {js.Body}\nC# client:      {cs.Body}");
        }
    }

    private static async Task<IReadOnlyList<CapturedRequest>> JavaScriptRequestsAsync()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var (exitCode, output) = await NodeRunner.RunAsync(emulator.BaseUri, "emulator-requests.mjs");
        Assert.True(exitCode == 0, "node emulator-requests.mjs failed:\n" + output);
        return emulator.Requests.All;
    }

    private static async Task<IReadOnlyList<CapturedRequest>> CSharpRequestsAsync()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        var none = CancellationToken.None;

        await lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, none);
        await lambda.GetFunctionConfigurationAsync("arn:aws:lambda:us-east-1:123456789012:function:edge-rules", "3", none);
        await lambda.UpdateFunctionCodeAsync(EmulatorSeed.FunctionName, EmptyZip, null, none);
        await lambda.PublishVersionAsync(EmulatorSeed.FunctionName, Convert.ToBase64String(SHA256.HashData(EmptyZip)), "revision 12", null, none);
        await lambda.ListVersionsByFunctionAsync(EmulatorSeed.FunctionName, none);

        var read = await cloudFront.GetDistributionConfigAsync(EmulatorSeed.DistributionId, none);
        await cloudFront.UpdateDistributionAsync(EmulatorSeed.DistributionId, read.DistributionConfigXml, read.ETag, none);
        await cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, none);
        var created = await cloudFront.CreateInvalidationAsync(EmulatorSeed.DistributionId, ["/index.html", "/video/*"], "rev-12", none);
        await cloudFront.GetInvalidationAsync(EmulatorSeed.DistributionId, created.Id, none);
        await cloudFront.GetCachePolicyAsync(ManagedCachePolicies.CachingOptimizedId, none);
        using var iam = new IamHttpClient(AwsClientOptions.ForEmulator(emulator.BaseUri), AwsTestClients.ExampleCredentials);
        await iam.GetRoleAsync("edge-rules-execution", none);
        return emulator.Requests.All;
    }

    /// <summary>Invalidation ids are generated anew in each emulator.</summary>
    private static string Normalize(string path) => InvalidationId().Replace(path, "/invalidation/{Id}");

    private static string Query(string query) =>
        string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal));

    private static bool SameBody(CapturedRequest js, CapturedRequest cs)
    {
        if (js.Body.Length == 0 || cs.Body.Length == 0)
        {
            return js.Body.Length == cs.Body.Length;
        }

        if (js.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            return Query(js.Body) == Query(cs.Body);
        }

        return js.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.DeepEquals(JsonNode.Parse(js.Body), JsonNode.Parse(cs.Body))
            : Canonical(XElement.Parse(js.Body)) == Canonical(XElement.Parse(cs.Body));
    }

    /// <summary>Names, attributes, order and text; not formatting (so &lt;a/&gt; equals &lt;a&gt;&lt;/a&gt;).</summary>
    private static string Canonical(XElement element) =>
        element.Name + string.Concat(element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $"[{a.Name}={a.Value}]"))
        + (element.HasElements ? "{" + string.Join(",", element.Elements().Select(Canonical)) + "}" : "=" + element.Value);

    [GeneratedRegex("/invalidation/[A-Z0-9]{14}")]
    private static partial Regex InvalidationId();
}

using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>Lambda over its REST-JSON wire protocol (API version 2015-03-31), signed with AWSSDK.Core's SigV4 handler.</summary>
public sealed class LambdaHttpClient : ILambdaClient, IDisposable
{
    private readonly AwsHttpSender _sender;
    private readonly Uri _endpoint;

    public LambdaHttpClient(AwsClientOptions options, AWSCredentials credentials, HttpMessageHandler? transport = null)
    {
        _endpoint = options.LambdaEndpoint;
        _sender = new AwsHttpSender(credentials, options.Region, "lambda", AwsErrorParser.Lambda, transport);
    }

    public async Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        var query = qualifier is null ? "" : "?Qualifier=" + Uri.EscapeDataString(qualifier);
        var answer = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(functionName, "/configuration" + query)), cancellationToken)
            .ConfigureAwait(false);
        return LambdaJson.Read<LambdaJson.FunctionConfigurationBody>(answer.Body).ToConfiguration();
    }

    public async Task<FunctionConfiguration> UpdateFunctionCodeAsync(string functionName, byte[] zipFile, string? revisionId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new LambdaJson.UpdateFunctionCodeRequest(zipFile, revisionId), LambdaJson.Options);
        var answer = await _sender.SendAsync(() => Json(HttpMethod.Put, Url(functionName, "/code"), body), cancellationToken).ConfigureAwait(false);
        return LambdaJson.Read<LambdaJson.FunctionConfigurationBody>(answer.Body).ToConfiguration();
    }

    public async Task<FunctionConfiguration> PublishVersionAsync(string functionName, string codeSha256, string? description, string? revisionId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new LambdaJson.PublishVersionRequest(codeSha256, description, revisionId), LambdaJson.Options);
        var answer = await _sender.SendAsync(() => Json(HttpMethod.Post, Url(functionName, "/versions"), body), cancellationToken).ConfigureAwait(false);
        return LambdaJson.Read<LambdaJson.FunctionConfigurationBody>(answer.Body).ToConfiguration();
    }

    public async Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, CancellationToken cancellationToken)
    {
        var versions = new List<FunctionConfiguration>();
        string? marker = null;
        do
        {
            var query = marker is null ? "" : "?Marker=" + Uri.EscapeDataString(marker);
            var answer = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(functionName, "/versions" + query)), cancellationToken)
                .ConfigureAwait(false);
            var page = LambdaJson.Read<LambdaJson.VersionsPage>(answer.Body);
            versions.AddRange((page.Versions ?? []).Select(v => v.ToConfiguration()));
            marker = page.NextMarker;
        }
        while (marker is not null);

        return versions;
    }

    public async Task DeleteFunctionAsync(string functionName, string qualifier, CancellationToken cancellationToken) =>
        await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Url(functionName, "?Qualifier=" + Uri.EscapeDataString(qualifier))), cancellationToken)
            .ConfigureAwait(false);

    public void Dispose() => _sender.Dispose();

    /// <summary>The function name is one path segment: an ARN's colons are percent-encoded like the official SDKs do.</summary>
    private Uri Url(string functionName, string rest) =>
        new(_endpoint, $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}{rest}");

    private static HttpRequestMessage Json(HttpMethod method, Uri url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(method, url) { Content = content };
    }
}

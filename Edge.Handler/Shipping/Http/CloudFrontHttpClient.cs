using System.Net.Http.Headers;
using Amazon.Runtime;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>CloudFront over its REST-XML wire protocol (API version 2020-05-31), signed with AWSSDK.Core's SigV4 handler.</summary>
public sealed class CloudFrontHttpClient : ICloudFrontClient, IDisposable
{
    private const string Api = "/2020-05-31/distribution/";

    private readonly AwsHttpSender _sender;
    private readonly Uri _endpoint;

    public CloudFrontHttpClient(AwsClientOptions options, AWSCredentials credentials, RetryPolicy? retry = null, HttpMessageHandler? transport = null)
    {
        _endpoint = options.CloudFrontEndpoint;
        _sender = new AwsHttpSender(credentials, options.Region, "cloudfront", retry ?? new RetryPolicy(options.Retry), AwsErrorParser.CloudFront, transport);
    }

    public async Task<DistributionConfigSnapshot> GetDistributionConfigAsync(string distributionId, CancellationToken cancellationToken)
    {
        var answer = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(distributionId, "/config")), cancellationToken).ConfigureAwait(false);
        return new DistributionConfigSnapshot(CloudFrontXml.ConfigOf(answer.Body), ETag(answer));
    }

    public async Task<string> UpdateDistributionAsync(string distributionId, string distributionConfigXml, string ifMatch, CancellationToken cancellationToken)
    {
        var body = CloudFrontXml.ConfigBody(distributionConfigXml);
        var answer = await _sender.SendAsync(() =>
        {
            var request = Xml(HttpMethod.Put, Url(distributionId, "/config"), body);
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return request;
        }, cancellationToken).ConfigureAwait(false);
        return ETag(answer);
    }

    public async Task<DistributionStatus> GetDistributionAsync(string distributionId, CancellationToken cancellationToken)
    {
        var answer = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(distributionId, "")), cancellationToken).ConfigureAwait(false);
        return CloudFrontXml.Distribution(answer.Body, ETag(answer));
    }

    public async Task<InvalidationStatus> CreateInvalidationAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken)
    {
        var body = CloudFrontXml.InvalidationBatch(paths, callerReference);
        var answer = await _sender.SendAsync(() => Xml(HttpMethod.Post, Url(distributionId, "/invalidation"), body), cancellationToken).ConfigureAwait(false);
        return CloudFrontXml.Invalidation(answer.Body);
    }

    public async Task<InvalidationStatus> GetInvalidationAsync(string distributionId, string invalidationId, CancellationToken cancellationToken)
    {
        var answer = await _sender.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Get, Url(distributionId, "/invalidation/" + Uri.EscapeDataString(invalidationId))), cancellationToken)
            .ConfigureAwait(false);
        return CloudFrontXml.Invalidation(answer.Body);
    }

    public async Task<CachePolicy> GetCachePolicyAsync(string cachePolicyId, CancellationToken cancellationToken)
    {
        var url = new Uri(_endpoint, "/2020-05-31/cache-policy/" + Uri.EscapeDataString(cachePolicyId));
        var answer = await _sender.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        return CloudFrontXml.CachePolicy(answer.Body);
    }

    public void Dispose() => _sender.Dispose();

    private Uri Url(string distributionId, string rest) => new(_endpoint, Api + Uri.EscapeDataString(distributionId) + rest);

    private static string ETag(AwsHttpAnswer answer) =>
        answer.Header("ETag") ?? throw new InvalidDataException("CloudFront's answer has no ETag header.");

    private static HttpRequestMessage Xml(HttpMethod method, Uri url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        return new HttpRequestMessage(method, url) { Content = content };
    }
}

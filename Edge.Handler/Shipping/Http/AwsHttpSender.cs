using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>An answer from AWS: status, headers we read, and the body text.</summary>
internal sealed record AwsHttpAnswer(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Sends signed requests to one service, one attempt per call: retrying is the caller's (<see cref="RetryPolicy"/>),
/// which builds and signs each attempt afresh (a replayed signature would age out of AWS's clock-skew window).
/// </summary>
internal sealed class AwsHttpSender : IDisposable
{
    private readonly HttpClient _http;
    private readonly Func<HttpResponseMessage, string, AwsServiceException> _parseError;

    public AwsHttpSender(AWSCredentials credentials, string region, string service,
        Func<HttpResponseMessage, string, AwsServiceException> parseError, HttpMessageHandler? transport = null)
    {
        var inner = transport ?? new SocketsHttpHandler { AllowAutoRedirect = false };
        var signing = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(region), service, inner);
        _http = new HttpClient(signing) { Timeout = Timeout.InfiniteTimeSpan };
        _parseError = parseError;
    }

    /// <summary>Sends the request once; a non-2xx answer becomes an <see cref="AwsServiceException"/> saying whether it is worth retrying.</summary>
    public async Task<AwsHttpAnswer> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var request = build();
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!AwsErrorParser.IsSuccess(response.StatusCode))
        {
            throw _parseError(response, body);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            headers[name] = string.Join(",", values);
        }

        return new AwsHttpAnswer((int)response.StatusCode, body, headers);
    }

    public void Dispose() => _http.Dispose();
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>Reads an AWS error answer (CloudFront's XML error document, Lambda's JSON body and x-amzn-errortype header).</summary>
internal static class AwsErrorParser
{
    public static AwsServiceException CloudFront(HttpResponseMessage response, string body) => Xml("CloudFront", response, body);

    /// <summary>IAM's query protocol answers errors in the same ErrorResponse shape as CloudFront.</summary>
    public static AwsServiceException Iam(HttpResponseMessage response, string body) => Xml("IAM", response, body);

    private static AwsServiceException Xml(string service, HttpResponseMessage response, string body)
    {
        string? code = null;
        string? message = null;
        try
        {
            var error = XDocument.Parse(body).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
            code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            // Not an error document (a proxy's page, say): fall back to the status code below.
        }

        return Create(service, response, code, message ?? Truncate(body));
    }

    public static AwsServiceException Lambda(HttpResponseMessage response, string body)
    {
        var code = response.Headers.TryGetValues("x-amzn-errortype", out var values) ? values.First().Split(':')[0] : null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                message = Property(json.RootElement, "message") ?? Property(json.RootElement, "Message");
                code ??= Property(json.RootElement, "__type")?.Split('#')[^1] ?? Property(json.RootElement, "code");
            }
        }
        catch (JsonException)
        {
            // Not JSON: keep what the header said and the raw text.
        }

        return Create("Lambda", response, code, message ?? Truncate(body));
    }

    private static AwsServiceException Create(string service, HttpResponseMessage response, string? code, string message)
    {
        var status = (int)response.StatusCode;
        var resolved = string.IsNullOrEmpty(code) ? $"HTTP{status}" : code;
        var exception = new AwsServiceException(service, resolved, AwsErrorSentences.Describe(service, resolved, message), status,
            AwsErrorSentences.IsRetryable(resolved, status));
        if (RetryAfter(response.Headers.RetryAfter) is { } retryAfter)
        {
            exception.Data[RetryPolicy.RetryAfterKey] = retryAfter;
        }

        return exception;
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } when date > DateTimeOffset.UtcNow => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    private static string? Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300] + "…";

    public static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;
}

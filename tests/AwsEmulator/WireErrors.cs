using System.Security;
using System.Text.Json;

namespace EdgePortal.AwsEmulator;

/// <summary>Error answers in each service's own shape.</summary>
public static class WireErrors
{
    public static Task WriteAsync(HttpContext context, AwsService service, WireError error, TimeSpan? retryAfter = null) =>
        service switch
        {
            AwsService.Lambda => LambdaAsync(context, error, retryAfter),
            AwsService.Sts => XmlAsync(context, error, "https://sts.amazonaws.com/doc/2011-06-15/"),
            AwsService.Iam => XmlAsync(context, error, IamEndpoints.Ns.NamespaceName),
            _ => CloudFrontAsync(context, error),
        };

    /// <summary>CloudFront: an ErrorResponse document in the API namespace.</summary>
    public static Task CloudFrontAsync(HttpContext context, WireError error) =>
        XmlAsync(context, error, "http://cloudfront.amazonaws.com/doc/2020-05-31/");

    /// <summary>The ErrorResponse document CloudFront and STS share, each in its own namespace.</summary>
    private static Task XmlAsync(HttpContext context, WireError error, string ns)
    {
        var type = error.Status >= 500 ? "Receiver" : "Sender";
        var xml = "<?xml version=\"1.0\"?>" +
            $"<ErrorResponse xmlns=\"{ns}\">" +
            $"<Error><Type>{type}</Type><Code>{SecurityElement.Escape(error.Code)}</Code><Message>{SecurityElement.Escape(error.Message)}</Message></Error>" +
            $"<RequestId>{context.TraceIdentifier}</RequestId></ErrorResponse>";
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "text/xml";
        return context.Response.WriteAsync(xml);
    }

    /// <summary>Lambda: the code in x-amzn-errortype, a JSON body with Type and message.</summary>
    public static Task LambdaAsync(HttpContext context, WireError error, TimeSpan? retryAfter)
    {
        context.Response.StatusCode = error.Status;
        context.Response.Headers["x-amzn-errortype"] = error.Code;
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, string> { ["Type"] = error.Status >= 500 ? "Service" : "User", ["message"] = error.Message };
        if (error.Code == "TooManyRequestsException")
        {
            body["Reason"] = "CallerRateLimitExceeded";
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

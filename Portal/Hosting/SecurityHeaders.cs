namespace EdgePortal.Portal.Hosting;

/// <summary>
/// Headers on every response, pages, static files, downloads and errors alike. The policy is what Blazor
/// Server and MudBlazor run under, checked in a browser on every page (tests/Browser.Tests/ContentSecurityPolicyTests.cs):
/// scripts only from the portal itself (Blazor Server needs no eval and no inline script), the circuit's
/// WebSocket to the same origin, and inline styles, because MudBlazor writes <c>style</c> attributes.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IHostEnvironment environment)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>One year; browsers then refuse plain HTTP to this host.</summary>
    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // Only over HTTPS (directly or through the TLS-terminating proxy the forwarded headers name), and never in
            // development, where a browser would then refuse http://localhost for a year.
            if (context.Request.IsHttps && !environment.IsDevelopment())
            {
                headers.StrictTransportSecurity = StrictTransportSecurity;
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}

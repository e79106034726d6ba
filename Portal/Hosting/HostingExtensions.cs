using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace EdgePortal.Portal.Hosting;

/// <summary>How the portal meets HTTP: behind a TLS-terminating proxy, with limits, headers and error pages that tell nothing.</summary>
public static class HostingExtensions
{
    /// <summary>Addresses of proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed (comma separated).</summary>
    public const string TrustedProxiesKey = "EdgePortal:TrustedProxies";

    public static void AddPortalHosting(this WebApplicationBuilder builder)
    {
        // The embedded static files (MudBlazor's among them) are served from the build output in every
        // environment, so that `dotnet run` as Production looks the same as Development; a published app has
        // no manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = HostingLimits.MaxRequestBodyBytes);
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Loopback is trusted by default; a proxy on another machine must be named.
            foreach (var address in (builder.Configuration[TrustedProxiesKey] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                options.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new InvalidOperationException($"{TrustedProxiesKey} must list IP addresses separated by commas; \"{address}\" is not one."));
            }
        });
    }

    /// <summary>The first middleware: the request's real scheme, the headers, and errors without stack traces.</summary>
    public static void UsePortalHosting(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        // Only an explicit Development environment shows exception details; everything else gets the error page.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponse.WriteAsync });
        }
    }
}

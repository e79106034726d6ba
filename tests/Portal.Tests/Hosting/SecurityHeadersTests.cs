using System.Net;
using EdgePortal.Portal.Hosting;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Validation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgePortal.Portal.Tests.Hosting;

public sealed class SecurityHeadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("GET", "/account/login", HttpStatusCode.OK)]
    [InlineData("GET", "/", HttpStatusCode.Redirect)]
    [InlineData("GET", "/app.css", HttpStatusCode.OK)]
    [InlineData("GET", "/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("GET", "/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("POST", "/account/logout", HttpStatusCode.BadRequest)]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string method, string path, HttpStatusCode status)
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        // Plain HTTP: no HSTS (a browser would ignore it, and it must not pin a development host to HTTPS).
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task LoginPage_ThroughATlsProxy_SendsHstsAndSecureCookies()
    {
        await using var production = new PortalFactory { EnvironmentName = "Production" };
        using var browser = production.CreateBrowser();
        var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        // What a TLS-terminating proxy on the same machine sends: the test server's peer is loopback, which is trusted.
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task LoginPage_OverPlainHttp_CookiesAreNotMarkedSecure()
    {
        using var browser = factory.CreateBrowser();

        using var response = await browser.GetAsync("/account/login");

        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Kestrel_RequestBodyLimit_IsTheDocumentLimitWithRoomForTheRequest()
    {
        var kestrel = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(HostingLimits.MaxRequestBodyBytes, kestrel.Limits.MaxRequestBodySize);
        Assert.InRange(HostingLimits.MaxRequestBodyBytes, Limits.MaxDocumentBytes + 1, 30_000_000 - 1); // below Kestrel's default
    }

    [Fact]
    public async Task EmptyLogoutPost_InProduction_AnswersWithoutAStackTrace()
    {
        await using var production = new PortalFactory { EnvironmentName = "Production" };
        using var browser = production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await browser.PostAsync("/account/logout", content: null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
    }
}

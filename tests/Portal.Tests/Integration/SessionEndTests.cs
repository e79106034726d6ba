using System.Net;
using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>A session ends on the server: a copy of its cookie stops working at once, not when it expires.</summary>
public sealed class SessionEndTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Protected = "/audit/export/jsonl";

    [Fact]
    public async Task Logout_CopiedCookie_NoLongerReadsTheAuditExport()
    {
        var (browser, cookie) = await SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var before = await WithCookieAsync(cookie);

        var page = await browser.GetStringAsync("/targets");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["returnUrl"] = "/",
        }));
        var after = await WithCookieAsync(cookie);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        AssertSignedOut(after);
    }

    [Fact]
    public async Task DisableAsync_SignedInUser_CookieStopsAtOnce()
    {
        var approver = await factory.CreateUserAsync("disabled-session@example.com", PortalRoles.Approver);
        var (_, cookie) = await SignInAsync("disabled-session@example.com", "Str0ng-Password!");
        var before = await WithCookieAsync(cookie);

        var disabled = await factory.Services.GetRequiredService<UserAccounts>().DisableAsync(
            await factory.PrincipalForAsync(PortalFactory.AdminEmail), approver.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var after = await WithCookieAsync(cookie);

        Assert.Null(disabled.Error);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        AssertSignedOut(after);
    }

    [Fact]
    public async Task ChangeRoleAsync_SignedInUser_SessionEndsSoTheOldRoleIsNotKept()
    {
        var approver = await factory.CreateUserAsync("demoted-session@example.com", PortalRoles.Approver);
        var (_, cookie) = await SignInAsync("demoted-session@example.com", "Str0ng-Password!");

        await factory.Services.GetRequiredService<UserAccounts>().ChangeRoleAsync(
            await factory.PrincipalForAsync(PortalFactory.AdminEmail), approver.FindFirstValue(ClaimTypes.NameIdentifier)!, PortalRoles.Viewer);
        var after = await WithCookieAsync(cookie);

        AssertSignedOut(after);
    }

    [Fact]
    public async Task RevalidatingProvider_DisabledUser_EndsTheCircuitsSession()
    {
        var editor = await factory.CreateUserAsync("disabled-circuit@example.com", PortalRoles.Editor);
        var signIn = factory.Services.CreateScope().ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Data.PortalUser>>();
        var before = await signIn.ValidateSecurityStampAsync(editor);

        await factory.Services.GetRequiredService<UserAccounts>().DisableAsync(
            await factory.PrincipalForAsync(PortalFactory.AdminEmail), editor.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var after = await signIn.ValidateSecurityStampAsync(await factory.PrincipalForAsync("disabled-circuit@example.com"));

        Assert.NotNull(before);
        // Even a principal made after the change (same stamp) fails: disabled is checked, not only the stamp.
        Assert.Null(after);
    }

    private static void AssertSignedOut(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, $"Expected a refusal, got {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/login", BrowserForms.RedirectPath(response), StringComparison.Ordinal);
        }
    }

    /// <summary>Signs in with a cookie jar the test can read, and returns the auth cookie as a browser would send it.</summary>
    private async Task<(HttpClient Browser, string Cookie)> SignInAsync(string email, string password)
    {
        var jar = new CookieContainer();
        var browser = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(jar));
        var response = await BrowserForms.SignInAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = jar.GetCookies(new Uri("http://localhost")).Single(c => c.Name == "EdgePortal.Auth");
        return (browser, $"{auth.Name}={auth.Value}");
    }

    /// <summary>Another client, as an attacker with a copy of the cookie.</summary>
    private async Task<HttpResponseMessage> WithCookieAsync(string cookie)
    {
        var copy = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, Protected);
        request.Headers.Add("Cookie", cookie);
        return await copy.SendAsync(request);
    }
}

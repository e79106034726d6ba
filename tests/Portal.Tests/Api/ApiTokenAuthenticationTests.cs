using System.Net;
using System.Net.Http.Headers;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Tests.Integration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Api;

public sealed class ApiTokenAuthenticationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Request_WithoutToken_Is401Problem()
    {
        var response = await factory.WithToken(null).GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Authorization: Bearer <token>", await response.ProblemAsync(), StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("ept_not-a-real-token", "The token is not valid.")]
    [InlineData("something-else", "The token is not valid.")]
    public async Task Request_WithUnknownToken_Is401(string token, string detail)
    {
        var response = await factory.WithToken(token).GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(detail, await response.ProblemAsync());
    }

    [Fact]
    public async Task Request_WithOversizedHeader_Is401WithoutLookingItUp()
    {
        var client = factory.WithToken(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ept_" + new string('a', 5000));

        var response = await client.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("The Authorization header is longer than 107 characters", await response.ProblemAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_WithSignInCookieOnly_Is401()
    {
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await browser.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithValidToken_ActsAsItsUserAndRecordsLastUse()
    {
        var viewer = await factory.ApiUserAsync(PortalRoles.Viewer);

        var response = await viewer.Client.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = await TokenOfAsync(viewer.Email);
        Assert.NotNull(token.LastUsedAt);
    }

    [Fact]
    public async Task Request_WithRevokedToken_Is401AndAudited()
    {
        var editor = await factory.ApiUserAsync(PortalRoles.Editor);
        var token = await TokenOfAsync(editor.Email);
        var principal = await factory.PrincipalForAsync(editor.Email);
        Assert.True(await factory.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().RevokeAsync(principal, token.Id)));

        var first = await editor.Client.GetAsync("/api/v1/targets");
        var second = await editor.Client.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal("The token was revoked.", await first.ProblemAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        // One refusal event a minute per token, however often a script retries.
        Assert.Equal(1, await AuditCountAsync(AuditActions.TokenRefused, $"token/{token.Id}"));
        Assert.Equal(1, await AuditCountAsync(AuditActions.TokenRevoked, $"token/{token.Id}"));
    }

    [Fact]
    public async Task Request_WithExpiredToken_Is401SayingWhen()
    {
        var viewer = await factory.ApiUserAsync(PortalRoles.Viewer);
        var token = await TokenOfAsync(viewer.Email);
        await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().ApiTokens.Where(t => t.Id == token.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        var response = await viewer.Client.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("The token expired at ", await response.ProblemAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_OfDisabledUser_Is401AtOnce()
    {
        var viewer = await factory.ApiUserAsync(PortalRoles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.Client.GetAsync("/api/v1/targets")).StatusCode);
        var disabled = await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().SetDisabledAsync(viewer.Email, true, "test"));
        Assert.Null(disabled.Error);

        var response = await viewer.Client.GetAsync("/api/v1/targets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The token's account is disabled.", await response.ProblemAsync());
    }

    [Fact]
    public async Task Request_AfterRoleChange_UsesTheNewRole()
    {
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        Assert.Equal(HttpStatusCode.OK, (await approver.Client.GetAsync("/api/v1/audit?pageSize=1")).StatusCode);
        var changed = await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().ChangeRoleAsync(approver.Email, PortalRoles.Viewer, "test"));
        Assert.Null(changed.Error);

        var response = await approver.Client.GetAsync("/api/v1/audit?pageSize=1");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Token_IsNeverStoredAuditedOrLogged()
    {
        var approver = await factory.ApiUserAsync(PortalRoles.Approver);
        await approver.Client.GetAsync("/api/v1/audit");
        var token = await TokenOfAsync(approver.Email);
        var principal = await factory.PrincipalForAsync(approver.Email);
        await factory.WithServicesAsync(s => s.GetRequiredService<ApiTokens>().RevokeAsync(principal, token.Id));
        await approver.Client.GetAsync("/api/v1/audit");

        SqliteConnection.ClearAllPools();
        var secret = approver.Token["ept_".Length..];
        foreach (var file in Directory.EnumerateFiles(factory.DataDirectory, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            Assert.DoesNotContain(secret, await reader.ReadToEndAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(factory.Logs.Lines, m => m.Contains(secret, StringComparison.Ordinal));
        Assert.Equal(ApiTokenSecret.Hash(approver.Token), token.Hash);
        Assert.Equal(approver.Token[..12], token.Prefix);
    }

    private Task<ApiToken> TokenOfAsync(string email) => factory.WithServicesAsync(async s =>
    {
        var db = s.GetRequiredService<PortalDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == userId);
    });

    private Task<int> AuditCountAsync(string action, string subject) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.CountAsync(e => e.Action == action && e.Subject == subject));
}

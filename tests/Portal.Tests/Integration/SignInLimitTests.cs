using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class SignInLimitTests
{
    [Fact]
    public async Task Login_AfterTooManyFailures_RefusedEvenWithTheRightPasswordAndAuditedOnce()
    {
        await using var factory = new PortalFactory
        {
            Settings = new Dictionary<string, string> { ["SignIn:FailuresPerAccount"] = "3", ["SignIn:FailuresPerAddress"] = "100" },
        };
        var browser = factory.CreateBrowser();
        var user = await factory.CreateUserAsync("limited@example.com", "Viewer");
        for (var i = 0; i < 3; i++)
        {
            await BrowserForms.SignInAsync(browser, "Limited@Example.com", "not-the-password");
        }

        var refused = await BrowserForms.SignInAsync(browser, "limited@example.com", "Str0ng-Password!");
        await BrowserForms.SignInAsync(browser, "limited@example.com", "Str0ng-Password!");
        var other = await BrowserForms.SignInAsync(factory.CreateBrowser(), PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var actions = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents
            .Where(e => e.Subject == "user/limited@example.com").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());

        Assert.Contains("Too many failed sign-ins from this address or for this account; try again in 15 minutes.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal([AuditActions.UserAdded, AuditActions.LoginFailed, AuditActions.LoginFailed, AuditActions.LoginFailed, AuditActions.LoginLimited], actions);
        Assert.NotNull(user);
    }

    [Fact]
    public async Task Startup_ZeroFailuresAllowed_FailsNamingTheSetting()
    {
        await using var factory = new PortalFactory { Settings = new Dictionary<string, string> { ["SignIn:FailuresPerAddress"] = "0" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.Services.GetRequiredService<EdgePortal.Portal.Accounts.SignInThrottle>());

        Assert.Contains("SignIn:FailuresPerAddress", error.ToString(), StringComparison.Ordinal);
    }
}

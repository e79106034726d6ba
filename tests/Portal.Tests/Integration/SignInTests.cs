using System.Net;
using System.Text;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Login_ConfiguredBootstrapAdmin_SignsInAndSeesOverview()
    {
        var browser = factory.CreateBrowser();

        var response = await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var overview = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", BrowserForms.RedirectPath(response));
        Assert.Equal(HttpStatusCode.OK, overview.StatusCode);
        var html = await overview.Content.ReadAsStringAsync();
        Assert.Contains("Overview", html, StringComparison.Ordinal);
        Assert.Contains(PortalFactory.AdminEmail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsErrorAndStaysSignedOut()
    {
        var browser = factory.CreateBrowser();

        var response = await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, "not-the-password");
        var overview = await browser.GetAsync("/targets");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong email or password.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, overview.StatusCode);
        Assert.StartsWith("/account/login", BrowserForms.RedirectPath(overview), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRefused()
    {
        var browser = factory.CreateBrowser();

        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = PortalFactory.AdminEmail,
            ["Input.Password"] = PortalFactory.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Pages_Anonymous_RedirectToLogin()
    {
        var browser = factory.CreateBrowser();

        foreach (var path in new[] { "/", "/targets", "/users", "/export/revisions/1" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/login", BrowserForms.RedirectPath(response), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UsersPage_Viewer_IsDenied()
    {
        await factory.CreateUserAsync("viewer-users-page@example.com", "Viewer");
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, "viewer-users-page@example.com", "Str0ng-Password!");

        var users = await browser.GetAsync("/users");
        var targets = await browser.GetAsync("/targets");

        Assert.Equal(HttpStatusCode.Redirect, users.StatusCode);
        Assert.StartsWith("/account/access-denied", BrowserForms.RedirectPath(users), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, targets.StatusCode);
    }

    [Fact]
    public async Task Logout_SignedIn_SignsOutAndIsAudited()
    {
        var browser = factory.CreateBrowser();
        await BrowserForms.SignInAsync(browser, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = await browser.GetStringAsync("/targets");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["returnUrl"] = "/",
        }));
        var after = await browser.GetAsync("/targets");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var actions = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents
            .Where(a => a.Actor == PortalFactory.AdminEmail).Select(a => a.Action).ToListAsync());
        Assert.Contains(AuditActions.LoginSucceeded, actions);
        Assert.Contains(AuditActions.Logout, actions);
    }
}

public sealed class GeneratedAdminPasswordTests
{
    [Fact]
    public async Task FirstStart_NoBootstrapPassword_LogsOneTimePasswordThatMustBeChanged()
    {
        var directory = PortalFactory.NewDataDirectory();
        string password;
        try
        {
            await using (var factory = new PortalFactory { DataDirectory = directory, ConfigureAdmin = false })
            {
                var browser = factory.CreateBrowser();
                var line = Assert.Single(factory.Logs.Lines, l => l.Contains("one-time password", StringComparison.Ordinal));
                password = line.Split("one-time password ")[1].Split(' ')[0];

                var signIn = await BrowserForms.SignInAsync(browser, "admin@edgeportal.local", password);
                var beforeChange = await browser.GetAsync("/");
                var change = await BrowserForms.PostFormAsync(browser, "/account/change-password", "change-password",
                    [new("Input.Current", password), new("Input.New", "My-Own-Passw0rd!"), new("Input.Confirm", "My-Own-Passw0rd!")]);
                var afterChange = await browser.GetAsync("/");

                Assert.Equal("/account/change-password", BrowserForms.RedirectPath(signIn));
                Assert.Equal("/account/change-password", BrowserForms.RedirectPath(beforeChange));
                Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
                Assert.Equal(HttpStatusCode.OK, afterChange.StatusCode);
            }
            // The one-time password was in the log once and is nowhere in the database files.
            foreach (var file in Directory.GetFiles(directory, "edgeportal.db*"))
            {
                Assert.DoesNotContain(password, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

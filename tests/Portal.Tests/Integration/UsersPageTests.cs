using System.Security.Claims;
using Bunit;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Components.Pages.Users;
using EdgePortal.Portal.Tests.Components;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>The Users page rendered with bUnit over the real account services and database.</summary>
public sealed class UsersPageTests(PortalFactory factory) : MudTestContext, IClassFixture<PortalFactory>
{
    [Fact]
    public async Task UsersPage_AdminAddsUserWithoutPassword_ShowsOneTimePasswordAndListsUser()
    {
        await SignInAsAdminAsync();
        var page = RenderWithProviders<Users>();
        page.WaitForAssertion(() => Assert.Contains(PortalFactory.AdminEmail, page.Find("[data-testid=users-table]").TextContent, StringComparison.Ordinal));

        TypeEmail(page, "page-added@example.com");
        page.FindAll("button").Single(b => b.TextContent.Contains("Add", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() =>
        {
            var done = page.Find("[data-testid=add-user-done]").TextContent;
            Assert.Contains("Added page-added@example.com as Viewer.", done, StringComparison.Ordinal);
            Assert.Contains("One-time password", done, StringComparison.Ordinal);
            Assert.Contains("page-added@example.com", page.Find("[data-testid=users-table]").TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task UsersPage_BadEmail_ShowsErrorNamingTheField()
    {
        await SignInAsAdminAsync();
        var page = RenderWithProviders<Users>();

        TypeEmail(page, "not an email");
        page.FindAll("button").Single(b => b.TextContent.Contains("Add", StringComparison.Ordinal)).Click();

        page.WaitForAssertion(() => Assert.Equal("email: \"not an email\" is not an email address.", page.Find("[data-testid=add-user-error]").TextContent.Trim()));
    }

    [Fact]
    public async Task UsersPage_AdminDisablesUser_ShowsDisabledAndOffersEnable()
    {
        await factory.CreateUserAsync("page-disabled@example.com", PortalRoles.Viewer);
        await SignInAsAdminAsync();
        var page = RenderWithProviders<Users>();
        page.WaitForAssertion(() => page.Find("[data-testid='disable-page-disabled@example.com']"));

        page.Find("[data-testid='disable-page-disabled@example.com']").Click();

        page.WaitForAssertion(() =>
        {
            Assert.Equal("Disabled", page.Find("[data-testid='status-page-disabled@example.com']").TextContent.Trim());
            page.Find("[data-testid='enable-page-disabled@example.com']");
        });
    }

    [Fact]
    public async Task UsersPage_AdminDisablesTheLastAdmin_ShowsTheRefusal()
    {
        await SignInAsAdminAsync();
        var page = RenderWithProviders<Users>();
        page.WaitForAssertion(() => page.Find($"[data-testid='disable-{PortalFactory.AdminEmail}']"));

        page.Find($"[data-testid='disable-{PortalFactory.AdminEmail}']").Click();

        page.WaitForAssertion(() => Assert.Equal($"user: {PortalFactory.AdminEmail} is the last Admin; make another account Admin first.",
            page.Find("[data-testid=user-change-error]").TextContent.Trim()));
    }

    /// <summary>
    /// Types into the email field and waits until the page shows it back: the field hands its value on
    /// asynchronously, and a click before that would add with an empty email (seen under a loaded CI).
    /// </summary>
    private static void TypeEmail(IRenderedComponent<Users> page, string email)
    {
        page.FindAll("input")[0].Change(email);
        page.WaitForAssertion(() => Assert.Equal(email, page.FindAll("input")[0].GetAttribute("value")));
    }

    private async Task SignInAsAdminAsync()
    {
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);
        Services.AddSingleton(factory.Services.GetRequiredService<UserAccounts>());
        var auth = AddAuthorization();
        auth.SetAuthorized(PortalFactory.AdminEmail);
        auth.SetRoles(PortalRoles.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, admin.FindFirstValue(ClaimTypes.NameIdentifier)!));
    }
}

using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class UserAccountChangesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Actions = ["role", "disable", "enable", "reset"];

    public static TheoryData<string, string> NonAdminActions()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { PortalRoles.Viewer, PortalRoles.Editor, PortalRoles.Approver })
        {
            foreach (var action in Actions)
            {
                data.Add(role, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(NonAdminActions))]
    public async Task Change_NonAdmin_IsRefusedAndChangesNothing(string role, string action)
    {
        var actor = await factory.CreateUserAsync($"{role}-{action}-actor@example.com".ToLowerInvariant(), role);
        var target = await AddAsync($"{role}-{action}-target@example.com".ToLowerInvariant());

        var result = await RunAsync(actor, action, target.Id);

        Assert.StartsWith("Only an Admin can ", result.Error, StringComparison.Ordinal);
        Assert.Equal("role", result.Field);
        var after = Assert.Single(await ListAsync(), u => u.Id == target.Id);
        Assert.Equal(["Viewer"], after.Roles);
        Assert.False(after.Disabled);
        Assert.Equal(0, await AuditCountAsync(target.Email, AuditActions.UserRoleChanged, AuditActions.UserDisabled, AuditActions.UserEnabled, AuditActions.UserPasswordReset));
    }

    [Fact]
    public async Task ChangeRoleAsync_Admin_ChangesRoleAndAudits()
    {
        var target = await AddAsync("promoted@example.com");

        var result = await RunAsync(await AdminAsync(), "role", target.Id);

        Assert.Null(result.Error);
        Assert.Equal(["Approver"], Assert.Single(await ListAsync(), u => u.Id == target.Id).Roles);
        var audit = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.SingleAsync(a => a.Subject == "user/promoted@example.com" && a.Action == AuditActions.UserRoleChanged));
        Assert.Equal(PortalFactory.AdminEmail, audit.Actor);
        Assert.Contains("\"to\":\"Approver\"", audit.DetailsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisableAsync_ThenEnableAsync_Admin_FlipsAndAuditsBoth()
    {
        var target = await AddAsync("flipped@example.com");
        var admin = await AdminAsync();

        var disabled = await RunAsync(admin, "disable", target.Id);
        var enabled = await RunAsync(admin, "enable", target.Id);

        Assert.True(disabled.User!.Disabled);
        Assert.False(enabled.User!.Disabled);
        Assert.Equal(1, await AuditCountAsync(target.Email, AuditActions.UserDisabled));
        Assert.Equal(1, await AuditCountAsync(target.Email, AuditActions.UserEnabled));
    }

    [Fact]
    public async Task ResetPasswordAsync_Admin_GivesOneTimePasswordThatSignsInOnce()
    {
        var target = await AddAsync("forgetful@example.com");

        var result = await RunAsync(await AdminAsync(), "reset", target.Id);

        Assert.Equal(20, result.GeneratedPassword?.Length);
        Assert.True(result.User!.MustChangePassword);
        var old = await BrowserForms.SignInAsync(factory.CreateBrowser(), target.Email, "Str0ng-Password!");
        var fresh = await BrowserForms.SignInAsync(factory.CreateBrowser(), target.Email, result.GeneratedPassword!);
        Assert.Contains(SignInService.FailedMessage, await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/change-password", BrowserForms.RedirectPath(fresh));
        var audit = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.SingleAsync(a => a.Subject == "user/forgetful@example.com" && a.Action == AuditActions.UserPasswordReset));
        Assert.DoesNotContain(result.GeneratedPassword!, audit.DetailsJson ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_DisabledAccount_IsRefusedWithReasonOnlyForTheRightPassword()
    {
        var target = await AddAsync("sleeping@example.com");
        await RunAsync(await AdminAsync(), "disable", target.Id);

        var right = await BrowserForms.SignInAsync(factory.CreateBrowser(), target.Email, "Str0ng-Password!");
        var wrong = await BrowserForms.SignInAsync(factory.CreateBrowser(), target.Email, "Wr0ng-Password!");

        Assert.Contains("This account is disabled; ask an Admin to enable it.", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(BrowserForms.RedirectPath(right));
        Assert.Contains(SignInService.FailedMessage, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Change_LastAdmin_CannotBeDemotedOrDisabledUntilThereIsAnother()
    {
        await using var portal = new PortalFactory();
        var admin = await portal.PrincipalForAsync(PortalFactory.AdminEmail);
        var adminId = admin.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var accounts = portal.Services.GetRequiredService<UserAccounts>();

        var demote = await accounts.ChangeRoleAsync(admin, adminId, "Editor");
        var disable = await accounts.DisableAsync(admin, adminId);
        await portal.CreateUserAsync("second-admin@example.com", PortalRoles.Admin);
        var demoteWithTwo = await accounts.ChangeRoleAsync(admin, adminId, "Editor");

        Assert.Equal($"{PortalFactory.AdminEmail} is the last Admin; make another account Admin first.", demote.Error);
        Assert.Equal("role", demote.Field);
        Assert.Equal($"{PortalFactory.AdminEmail} is the last Admin; make another account Admin first.", disable.Error);
        Assert.Null(demoteWithTwo.Error);
        Assert.Equal(["Editor"], demoteWithTwo.User!.Roles);
    }

    [Fact]
    public async Task ChangeRoleAsync_UnknownRole_NamesTheField()
    {
        var target = await AddAsync("typo-role@example.com");

        var result = await factory.Services.GetRequiredService<UserAccounts>().ChangeRoleAsync(await AdminAsync(), target.Id, "Boss");

        Assert.Equal("role", result.Field);
        Assert.Equal("\"Boss\" is not a role; use one of Viewer, Editor, Approver, Admin.", result.Error);
    }

    private Task<ClaimsPrincipal> AdminAsync() => factory.PrincipalForAsync(PortalFactory.AdminEmail);

    private async Task<UserSummary> AddAsync(string email)
    {
        await factory.CreateUserAsync(email, PortalRoles.Viewer);
        return Assert.Single(await ListAsync(), u => u.Email == email);
    }

    private Task<IReadOnlyList<UserSummary>> ListAsync() => factory.Services.GetRequiredService<UserAccounts>().ListAsync();

    private Task<UserAccountResult> RunAsync(ClaimsPrincipal actor, string action, string userId)
    {
        var accounts = factory.Services.GetRequiredService<UserAccounts>();
        return action switch
        {
            "role" => accounts.ChangeRoleAsync(actor, userId, PortalRoles.Approver),
            "disable" => accounts.DisableAsync(actor, userId),
            "enable" => accounts.EnableAsync(actor, userId),
            "reset" => accounts.ResetPasswordAsync(actor, userId),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private Task<int> AuditCountAsync(string email, params string[] actions) =>
        factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.CountAsync(a => a.Subject == $"user/{email}" && actions.Contains(a.Action)));
}

using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class UserAccountsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddAsync_SignedInEditor_IsRefusedAndAddsNobody()
    {
        var editor = await factory.CreateUserAsync("editor-adds@example.com", "Editor");

        var result = await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().AddAsync(editor, "sneaky@example.com", "Admin", "Str0ng-Password!"));

        Assert.Equal("Only an Admin can add accounts.", result.Error);
        var list = await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().ListAsync());
        Assert.DoesNotContain(list, u => u.Email == "sneaky@example.com");
    }

    [Fact]
    public async Task AddAsync_Admin_AddsWithGeneratedPasswordAndAudits()
    {
        var admin = await factory.PrincipalForAsync(PortalFactory.AdminEmail);

        var result = await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().AddAsync(admin, "new-approver@example.com", "approver", null));

        Assert.Null(result.Error);
        Assert.Equal(20, result.GeneratedPassword?.Length);
        var listed = Assert.Single(await factory.WithServicesAsync(s => s.GetRequiredService<UserAccounts>().ListAsync()), u => u.Email == "new-approver@example.com");
        Assert.Equal(["Approver"], listed.Roles);
        Assert.True(listed.MustChangePassword);
        var audit = await factory.WithServicesAsync(s => s.GetRequiredService<PortalDbContext>().AuditEvents.SingleAsync(a => a.Subject == "user/new-approver@example.com"));
        Assert.Equal(AuditActions.UserAdded, audit.Action);
        Assert.Equal(PortalFactory.AdminEmail, audit.Actor);
        Assert.DoesNotContain(result.GeneratedPassword!, audit.DetailsJson, StringComparison.Ordinal);
    }
}

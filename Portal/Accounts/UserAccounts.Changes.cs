using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.AspNetCore.Identity;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// What an Admin changes on an account: its role, disabled or not, a new one-time password. Each change is
/// Admin only, audited, and gives the account a new security stamp, which ends its sessions (AccountSessions).
/// </summary>
public sealed partial class UserAccounts
{
    /// <summary>One change at a time in this process, so two Admins demoting each other cannot leave no Admin.</summary>
    private readonly SemaphoreSlim _changes = new(1, 1);

    public Task<UserAccountResult> ChangeRoleAsync(ClaimsPrincipal admin, string userId, string role, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.TryParse(role, out var roleName))
        {
            return Task.FromResult(UserAccountResult.Fail("role", $"\"{role}\" is not a role; use one of {string.Join(", ", PortalRoles.All)}."));
        }
        return ChangeAsync(admin, userId, "change roles", async (users, user) =>
        {
            var from = await users.GetRolesAsync(user);
            if (from.Count == 1 && from[0] == roleName)
            {
                return new Change(null, null, null);
            }
            if (roleName != PortalRoles.Admin && await IsLastAdminAsync(users, user))
            {
                return Change.Refused("role", $"{user.Email} is the last Admin; make another account Admin first.");
            }
            await users.RemoveFromRolesAsync(user, from);
            await users.AddToRoleAsync(user, roleName);
            return new Change(AuditActions.UserRoleChanged, new { from = string.Join(",", from), to = roleName }, null);
        }, cancellationToken);
    }

    public Task<UserAccountResult> DisableAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, "disable accounts", async (users, user) =>
        {
            if (user.Disabled)
            {
                return new Change(null, null, null);
            }
            if (await IsLastAdminAsync(users, user))
            {
                return Change.Refused("user", $"{user.Email} is the last Admin; make another account Admin first.");
            }
            user.Disabled = true;
            await users.UpdateAsync(user);
            return new Change(AuditActions.UserDisabled, null, null);
        }, cancellationToken);

    public Task<UserAccountResult> EnableAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, "enable accounts", async (users, user) =>
        {
            if (!user.Disabled)
            {
                return new Change(null, null, null);
            }
            user.Disabled = false;
            await users.UpdateAsync(user);
            return new Change(AuditActions.UserEnabled, null, null);
        }, cancellationToken);

    /// <summary>Replaces the password with a generated one-time password (in the result, shown once), to be changed at the next sign-in.</summary>
    public Task<UserAccountResult> ResetPasswordAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, userId, "reset passwords", async (users, user) =>
        {
            var generated = PasswordGenerator.Generate();
            await users.RemovePasswordAsync(user);
            var added = await users.AddPasswordAsync(user, generated);
            if (!added.Succeeded)
            {
                return Change.Refused("password", string.Join(" ", added.Errors.Select(e => e.Description)));
            }
            var now = time.GetUtcNow();
            (user.MustChangePassword, user.OneTimePasswordExpiresAt, user.OneTimePasswordUsedAt) = (true, now + OneTimePasswordLifetime.From(configuration), null);
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await users.UpdateAsync(user);
            return new Change(AuditActions.UserPasswordReset, null, generated);
        }, cancellationToken);

    /// <summary>What one change did: the audit action (null: nothing changed), its details, a generated password, or a refusal.</summary>
    private sealed record Change(string? Action, object? Details, string? GeneratedPassword, string? Field = null, string? Error = null)
    {
        public static Change Refused(string field, string error) => new(null, null, null, field, error);
    }

    private async Task<UserAccountResult> ChangeAsync(ClaimsPrincipal admin, string userId, string what,
        Func<UserManager<PortalUser>, PortalUser, Task<Change>> apply, CancellationToken cancellationToken)
    {
        if (!admin.IsAtLeast(PortalRoles.Admin))
        {
            return UserAccountResult.Fail("role", $"Only an Admin can {what}.");
        }
        var actor = Actor.From(admin).Name;
        await _changes.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            if (await users.FindByIdAsync(userId) is not { } user)
            {
                return UserAccountResult.Fail("user", "There is no such account.");
            }
            var change = await apply(users, user);
            if (change.Error is not null)
            {
                return UserAccountResult.Fail(change.Field!, change.Error);
            }
            if (change.Action is not null)
            {
                await users.UpdateSecurityStampAsync(user);
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                scope.ServiceProvider.GetRequiredService<AuditLog>().Add(db, actor, change.Action, null, $"user/{user.Email}", change.Details);
                await db.SaveChangesAsync(cancellationToken);
            }
            var roles = await users.GetRolesAsync(user);
            return new UserAccountResult(
                new UserSummary(user.Id, user.Email ?? "", [.. roles.OrderBy(PortalRoles.All.ToList().IndexOf)], user.CreatedAt, user.MustChangePassword, user.Disabled),
                null, null, change.GeneratedPassword);
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>True when <paramref name="user"/> is the only enabled Admin: demoting or disabling it would leave the portal without one.</summary>
    private static async Task<bool> IsLastAdminAsync(UserManager<PortalUser> users, PortalUser user) =>
        !user.Disabled && await users.IsInRoleAsync(user, PortalRoles.Admin)
        && (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count(u => !u.Disabled) <= 1;
}

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

    public Task<UserAccountResult> ChangeRoleAsync(ClaimsPrincipal admin, string userId, string role, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, "change roles", users => users.FindByIdAsync(userId), RoleChange(role), cancellationToken);

    public Task<UserAccountResult> DisableAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, "disable accounts", users => users.FindByIdAsync(userId), DisabledChange(true), cancellationToken);

    public Task<UserAccountResult> EnableAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, "enable accounts", users => users.FindByIdAsync(userId), DisabledChange(false), cancellationToken);

    /// <summary>For the command line (<c>users set-role</c>), which runs on the server with the database file: <paramref name="actor"/> is who the audit names.</summary>
    public Task<UserAccountResult> ChangeRoleAsync(string email, string role, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, users => users.FindByEmailAsync(email.Trim()), RoleChange(role), cancellationToken);

    /// <summary>For the command line (<c>users disable</c>, <c>users enable</c>).</summary>
    public Task<UserAccountResult> SetDisabledAsync(string email, bool disabled, string actor, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, users => users.FindByEmailAsync(email.Trim()), DisabledChange(disabled), cancellationToken);

    private static Func<UserManager<PortalUser>, PortalUser, Task<Change>> RoleChange(string role) => async (users, user) =>
    {
        if (!PortalRoles.TryParse(role, out var roleName))
        {
            return Change.Refused("role", $"\"{role}\" is not a role; use one of {string.Join(", ", PortalRoles.All)}.");
        }
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
    };

    private static Func<UserManager<PortalUser>, PortalUser, Task<Change>> DisabledChange(bool disabled) => async (users, user) =>
    {
        if (user.Disabled == disabled)
        {
            return new Change(null, null, null);
        }
        if (disabled && await IsLastAdminAsync(users, user))
        {
            return Change.Refused("user", $"{user.Email} is the last Admin; make another account Admin first.");
        }
        user.Disabled = disabled;
        await users.UpdateAsync(user);
        return new Change(disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled, null, null);
    };

    /// <summary>Replaces the password with a generated one-time password (in the result, shown once), to be changed at the next sign-in.</summary>
    public Task<UserAccountResult> ResetPasswordAsync(ClaimsPrincipal admin, string userId, CancellationToken cancellationToken = default) =>
        ChangeAsync(admin, "reset passwords", users => users.FindByIdAsync(userId), async (users, user) =>
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

    private Task<UserAccountResult> ChangeAsync(ClaimsPrincipal admin, string what, Func<UserManager<PortalUser>, Task<PortalUser?>> find,
        Func<UserManager<PortalUser>, PortalUser, Task<Change>> apply, CancellationToken cancellationToken) =>
        admin.IsAtLeast(PortalRoles.Admin)
            ? ChangeAsync(Actor.From(admin).Name, find, apply, cancellationToken)
            : Task.FromResult(UserAccountResult.Fail("role", $"Only an Admin can {what}."));

    private async Task<UserAccountResult> ChangeAsync(string actor, Func<UserManager<PortalUser>, Task<PortalUser?>> find,
        Func<UserManager<PortalUser>, PortalUser, Task<Change>> apply, CancellationToken cancellationToken)
    {
        await _changes.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            if (await find(users) is not { } user)
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

using System.Net.Mail;
using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Accounts;

/// <summary>An account as the users page and <c>users list</c> show it.</summary>
public sealed record UserSummary(string Id, string Email, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, bool MustChangePassword, bool Disabled = false);

/// <summary>The outcome of adding or changing an account: the account as it is now, or an error naming the field.</summary>
/// <remarks><see cref="GeneratedPassword"/> is set when a password was generated: show it once, it is stored nowhere in clear.</remarks>
public sealed record UserAccountResult(UserSummary? User, string? Field, string? Error, string? GeneratedPassword = null)
{
    public static UserAccountResult Fail(string field, string error) => new(null, field, error);
}

/// <summary>
/// Adding, listing and (in UserAccounts.Changes.cs) changing accounts, for the users page, the command line
/// and the first start. Each call uses its own scope, so a long-lived Blazor circuit never holds a stale context.
/// </summary>
public sealed partial class UserAccounts(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return [.. users.Select(u => new UserSummary(u.Id, u.Email ?? u.UserName ?? "", [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(PortalRoles.All.ToList().IndexOf)], u.CreatedAt, u.MustChangePassword, u.Disabled))];
    }

    /// <summary>Adds an account on behalf of a signed-in Admin; anyone else is refused.</summary>
    public Task<UserAccountResult> AddAsync(ClaimsPrincipal admin, string email, string role, string? password, CancellationToken cancellationToken = default) =>
        admin.IsAtLeast(PortalRoles.Admin)
            ? AddAsync(email, role, password, Actor.From(admin).Name, cancellationToken)
            : Task.FromResult(UserAccountResult.Fail("role", "Only an Admin can add accounts."));

    /// <summary>
    /// Adds an account; <paramref name="actor"/> is who the audit history names (<c>cli</c>, <c>system</c>, an email).
    /// Without a password one is generated, and the user must change it at first sign-in.
    /// </summary>
    public async Task<UserAccountResult> AddAsync(string email, string role, string? password, string actor, CancellationToken cancellationToken = default)
    {
        var mustChangePassword = string.IsNullOrEmpty(password);
        var generated = mustChangePassword ? PasswordGenerator.Generate() : null;
        email = email.Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email || !email.Contains('.', StringComparison.Ordinal))
        {
            return UserAccountResult.Fail("email", $"\"{email}\" is not an email address.");
        }
        if (!PortalRoles.TryParse(role, out var roleName))
        {
            return UserAccountResult.Fail("role", $"\"{role}\" is not a role; use one of {string.Join(", ", PortalRoles.All)}.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return UserAccountResult.Fail("email", $"An account for {email} already exists.");
        }
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow(), MustChangePassword = mustChangePassword };
        user.OneTimePasswordExpiresAt = mustChangePassword ? user.CreatedAt + OneTimePasswordLifetime.From(configuration) : null;
        var created = await users.CreateAsync(user, generated ?? password!);
        if (!created.Succeeded)
        {
            var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
            return UserAccountResult.Fail(field, string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, roleName);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        scope.ServiceProvider.GetRequiredService<AuditLog>().Add(db, actor, AuditActions.UserAdded, null, $"user/{email}", new { role = roleName });
        await db.SaveChangesAsync(cancellationToken);
        return new UserAccountResult(new UserSummary(user.Id, email, [roleName], user.CreatedAt, mustChangePassword), null, null, generated);
    }
}

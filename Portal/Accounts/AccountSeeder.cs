using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Identity;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// Creates the four roles and, on a portal without an Admin, the first one: from
/// <c>Bootstrap:AdminEmail</c>/<c>Bootstrap:AdminPassword</c>, or else <c>admin@edgeportal.local</c>
/// with a one-time password written once to the log (and never stored in clear or audited).
/// </summary>
public sealed class AccountSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<AccountSeeder> logger)
{
    public const string DefaultAdminEmail = "admin@edgeportal.local";

    public async Task SeedAsync(bool bootstrapAdmin, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        if (!bootstrapAdmin)
        {
            return;
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        if ((await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count > 0)
        {
            return;
        }
        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        email = string.IsNullOrWhiteSpace(email) ? DefaultAdminEmail : email.Trim();

        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var result = await accounts.AddAsync(email, PortalRoles.Admin, string.IsNullOrWhiteSpace(password) ? null : password, actor: "system", cancellationToken);
        if (result.Error is not null && (await users.GetUsersInRoleAsync(PortalRoles.Admin)).Count > 0)
        {
            // Another portal process starting on the same file created the first admin a moment earlier.
            return;
        }
        if (result.Error is not null)
        {
            throw new InvalidOperationException($"Could not create the first admin ({email}): {result.Field}: {result.Error}");
        }
        if (result.GeneratedPassword is { } generated)
        {
            // The only place this password ever appears; it is not stored in clear and must be changed at first sign-in.
            logger.LogWarning("FIRST START: sign in as {Email} with the one-time password {Password} (shown once; you will choose a new one at first sign-in).", email, generated);
        }
        else
        {
            logger.LogInformation("Created the first admin {Email} from Bootstrap:AdminEmail", email);
        }
    }
}

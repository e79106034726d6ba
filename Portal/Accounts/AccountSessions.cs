using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Identity;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// Sessions end on the server: the cookie's security stamp is checked against the database on every
/// request (one indexed read on SQLite), so sign-out, a password change or reset, a role change and
/// disabling the account end every copy of the cookie at its next request, not half an hour later.
/// </summary>
public static class AccountSessions
{
    public static IServiceCollection AddAccountSessions(this IServiceCollection services)
    {
        services.AddIdentityCore<PortalUser>().AddSignInManager<PortalSignInManager>();
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);
        return services;
    }
}

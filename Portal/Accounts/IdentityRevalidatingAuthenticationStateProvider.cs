using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// A Blazor circuit keeps the principal it started with, and its requests never pass the cookie check;
/// this runs the same check (<see cref="PortalSignInManager.ValidateSecurityStampAsync"/>: stamp and not disabled)
/// every few seconds, so sign-out elsewhere, a changed password or role, or disabling ends open pages too.
/// </summary>
public sealed class IdentityRevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>Short: the check is one read, and an Admin who disables an account expects its open pages to stop.</summary>
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(10);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        return await signIn.ValidateSecurityStampAsync(authenticationState.User) is not null;
    }
}

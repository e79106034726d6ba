using System.Security.Claims;
using EdgePortal.Portal.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace EdgePortal.Portal.Accounts;

/// <summary>Adds a claim while the account still has a generated password, so the server can insist on a change.</summary>
public sealed class PortalClaimsPrincipalFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    public const string MustChangePasswordClaim = "edgeportal:must-change-password";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "true"));
        }
        return identity;
    }
}

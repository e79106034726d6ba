using Microsoft.AspNetCore.Identity;

namespace EdgePortal.Portal.Data;

/// <summary>A portal account. Sign-in name and email are the same.</summary>
public sealed class PortalUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set for a generated password: the user must choose a new one at first sign-in.</summary>
    public bool MustChangePassword { get; set; }
}

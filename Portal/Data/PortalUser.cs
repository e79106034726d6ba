using Microsoft.AspNetCore.Identity;

namespace EdgePortal.Portal.Data;

/// <summary>A portal account. Sign-in name and email are the same.</summary>
public sealed class PortalUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set for a generated password: the user must choose a new one at first sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>An Admin disabled the account: it cannot sign in, and its sessions end at their next request.</summary>
    public bool Disabled { get; set; }

    /// <summary>When the generated (one-time) password stops being accepted; null for an account that never had one after this was added.</summary>
    public DateTimeOffset? OneTimePasswordExpiresAt { get; set; }

    /// <summary>The first sign-in with the one-time password; after it that password signs nobody in again.</summary>
    public DateTimeOffset? OneTimePasswordUsedAt { get; set; }
}

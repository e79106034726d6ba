using EdgePortal.Portal.Data;

namespace EdgePortal.Portal.Accounts;

/// <summary>
/// How long a generated (one-time) password signs in: until its first use, and at most
/// <c>Accounts:OneTimePasswordLifetime</c> (a day unless configured) after it was made.
/// </summary>
public static class OneTimePasswordLifetime
{
    public const string SettingName = "Accounts:OneTimePasswordLifetime";

    public static TimeSpan Default { get; } = TimeSpan.FromDays(1);

    public static TimeSpan From(IConfiguration configuration)
    {
        var text = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }
        return TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var lifetime) && lifetime > TimeSpan.Zero
            ? lifetime
            : throw new InvalidOperationException($"{SettingName}: give a positive time span (1.00:00:00 is a day), not \"{text}\".");
    }

    /// <summary>
    /// True while the account's one-time password may still sign in. An account from before expiry was
    /// recorded counts from its creation, so an old unused password is not valid for ever.
    /// </summary>
    public static bool SignsIn(PortalUser user, DateTimeOffset now, TimeSpan lifetime) =>
        user.OneTimePasswordUsedAt is null && now < (user.OneTimePasswordExpiresAt ?? user.CreatedAt + lifetime);

    /// <summary>True while the one-time password may still be replaced by the user's own (its one session can finish the change).</summary>
    public static bool Changes(PortalUser user, DateTimeOffset now, TimeSpan lifetime) =>
        now < (user.OneTimePasswordExpiresAt ?? user.CreatedAt + lifetime);
}

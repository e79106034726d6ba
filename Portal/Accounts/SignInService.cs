using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Accounts;

/// <summary>What signing in gave; <see cref="Error"/> is shown as it is.</summary>
public sealed record SignInOutcome(bool Succeeded, bool MustChangePassword, string? Error);

/// <summary>Sign-in, sign-out and password change for the account pages, each recorded in the audit history (never the password).</summary>
public sealed class SignInService(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IDbContextFactory<PortalDbContext> dbFactory,
    AuditLog audit,
    SignInThrottle throttle,
    TimeProvider time,
    IConfiguration configuration)
{
    /// <summary>Every failed sign-in answers these words, whether the account exists, is locked or the password is wrong.</summary>
    public const string FailedMessage = "Wrong email or password. After five failures an account waits five minutes.";

    private static readonly PortalUser DummyUser = new();

    /// <summary>A hash of a random password, made once, so an unknown account's password check costs what a real one does.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<PortalUser>().HashPassword(DummyUser, PasswordGenerator.Generate()));

    /// <summary>No e-mail address is longer (RFC 5321); longer text is not looked up, and is recorded only in part.</summary>
    public const int MaxEmailLength = 254;

    /// <summary>
    /// Signs in, unless too many sign-ins failed lately from <paramref name="client"/> or for this account
    /// name (<see cref="SignInThrottle"/>): then the password is not even checked, and only the first refusal
    /// of a window is audited.
    /// </summary>
    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, System.Net.IPAddress? client = null)
    {
        var typed = email.Trim();
        var account = AuditText.Typed(typed, MaxEmailLength);
        var address = client?.ToString() ?? "unknown";
        if (throttle.Check(address, account) is { } refused)
        {
            if (refused.First)
            {
                await RecordAsync(AuditActions.LoginLimited, account, new { address, retryAfterSeconds = (int)Math.Ceiling(refused.RetryAfter.TotalSeconds) });
            }
            var minutes = Math.Max(1, (int)Math.Ceiling(refused.RetryAfter.TotalMinutes));
            return new SignInOutcome(false, false, $"Too many failed sign-ins from this address or for this account; try again in {minutes} minute{(minutes == 1 ? "" : "s")}.");
        }
        var user = typed.Length <= MaxEmailLength ? await users.FindByEmailAsync(typed) : null;
        var (result, refusal) = await CheckPasswordAsync(user, password);
        // A failed sign-in records what was typed, which anyone can choose: only a bounded, normalised form of it.
        await RecordAsync(result.Succeeded && refusal is null ? AuditActions.LoginSucceeded : AuditActions.LoginFailed,
            result.Succeeded ? user!.Email! : account,
            result.IsLockedOut ? new { reason = "locked out" } : refusal is null ? null : new { reason = refusal });
        if (!result.Succeeded)
        {
            throttle.Failed(address, account);
            return new SignInOutcome(false, false, FailedMessage);
        }
        throttle.Succeeded(account);
        if (refusal is not null)
        {
            // Only someone who knows the password learns why: the account exists and is disabled, or its password expired.
            return new SignInOutcome(false, false, refusal);
        }
        if (user!.MustChangePassword)
        {
            user.OneTimePasswordUsedAt = time.GetUtcNow();
            await users.UpdateAsync(user);
        }
        await signIn.SignInAsync(user, remember);
        return new SignInOutcome(true, user.MustChangePassword, null);
    }

    /// <summary>
    /// Checks the password the same way for every name: an unknown account, a disabled or locked one costs one
    /// password hash too (on a dummy hash), so neither the answer nor its time tells whether the account exists.
    /// </summary>
    private async Task<(Microsoft.AspNetCore.Identity.SignInResult Result, string? Refusal)> CheckPasswordAsync(PortalUser? user, string password)
    {
        if (user is null)
        {
            HashForNothing(password);
            return (Microsoft.AspNetCore.Identity.SignInResult.Failed, null);
        }
        if (user.Disabled)
        {
            return await users.CheckPasswordAsync(user, password)
                ? (Microsoft.AspNetCore.Identity.SignInResult.Success, "This account is disabled; ask an Admin to enable it.")
                : (Microsoft.AspNetCore.Identity.SignInResult.Failed, null);
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Identity refused before hashing anything.
            HashForNothing(password);
        }
        if (result.Succeeded && user.MustChangePassword && !OneTimePasswordLifetime.SignsIn(user, time.GetUtcNow(), OneTimePasswordLifetime.From(configuration)))
        {
            return (result, "This one-time password has expired (it signs in once, within a day of being made); ask an Admin to reset your password.");
        }
        return (result, null);
    }

    private void HashForNothing(string password) =>
        users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash.Value, password);

    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        // A new stamp makes every copy of this session's cookie fail its next check (AccountSessions).
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        if (principal.Identity?.Name is { } name)
        {
            await RecordAsync(AuditActions.Logout, name, null);
        }
    }

    /// <summary>Changes the signed-in user's password; the errors are Identity's own words (too short, needs a digit…).</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(ClaimsPrincipal principal, string current, string next)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return ["Sign in again."];
        }
        if (current == next)
        {
            return [user.MustChangePassword ? "The new password must differ from the one-time password." : "The new password must differ from the current one."];
        }
        if (user.MustChangePassword && !OneTimePasswordLifetime.Changes(user, time.GetUtcNow(), OneTimePasswordLifetime.From(configuration)))
        {
            return ["This one-time password has expired; ask an Admin to reset your password."];
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.Description)];
        }
        (user.MustChangePassword, user.OneTimePasswordExpiresAt, user.OneTimePasswordUsedAt) = (false, null, null);
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        await RecordAsync(AuditActions.PasswordChanged, user.Email!, null);
        return [];
    }

    private async Task RecordAsync(string action, string actor, object? details)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        audit.Add(db, actor, action, null, $"user/{actor}", details);
        await db.SaveChangesAsync();
    }
}

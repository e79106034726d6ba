using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services;
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
    SignInThrottle throttle)
{
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
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        // A failed sign-in records what was typed, which anyone can choose: only a bounded, normalised form of it.
        await RecordAsync(result.Succeeded ? AuditActions.LoginSucceeded : AuditActions.LoginFailed,
            result.Succeeded ? user!.Email! : account,
            result.IsLockedOut ? new { reason = "locked out" } : null);
        if (result.Succeeded)
        {
            throttle.Succeeded(account);
        }
        else
        {
            throttle.Failed(address, account);
        }
        if (result.Succeeded)
        {
            return new SignInOutcome(true, user!.MustChangePassword, null);
        }
        return new SignInOutcome(false, false, result.IsLockedOut
            ? "Too many failed attempts; this account is locked for a few minutes."
            : "Wrong email or password.");
    }

    public async Task SignOutAsync(string? name)
    {
        await signIn.SignOutAsync();
        if (name is not null)
        {
            await RecordAsync(AuditActions.Logout, name, null);
        }
    }

    /// <summary>Changes the signed-in user's password; the errors are Identity's own words (too short, needs a digit…).</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(System.Security.Claims.ClaimsPrincipal principal, string current, string next)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null)
        {
            return ["Sign in again."];
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            return [.. result.Errors.Select(e => e.Description)];
        }
        user.MustChangePassword = false;
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

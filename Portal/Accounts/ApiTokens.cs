using System.Security.Claims;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Accounts;

/// <summary>A token as its owner's list shows it: never the token itself.</summary>
public sealed record ApiTokenView(long Id, string Name, string Prefix, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>A created token: <see cref="Token"/> is shown once and stored nowhere; or the field that was refused and why.</summary>
public sealed record ApiTokenCreated(ApiTokenView? View, string? Token, string? Field, string? Error)
{
    public static ApiTokenCreated Fail(string field, string error) => new(null, null, field, error);
}

/// <summary>
/// Personal access tokens: each user creates, lists and revokes their own (the tokens page, <c>tokens create</c>),
/// and the API's authentication checks one per request. Each call uses its own scope, like <see cref="UserAccounts"/>.
/// </summary>
public sealed class ApiTokens(IServiceScopeFactory scopes, TimeProvider time)
{
    public const int MaxNameLength = 100;
    public const int MaxExpiryDays = 3650;

    // Last used is written at most this often per token; a refusal is audited at most this often per token.
    private static readonly TimeSpan _writeInterval = TimeSpan.FromMinutes(1);

    // Known token ids only, so bounded by the tokens that exist.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset> _lastRefusals = new();

    /// <summary>Creates a token for the signed-in user.</summary>
    public Task<ApiTokenCreated> CreateAsync(ClaimsPrincipal user, string name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        var actor = Actor.From(user);
        return CreateAsync(actor.Id, actor.Name, name, expiresInDays, cancellationToken);
    }

    /// <summary>Creates a token for the account with <paramref name="email"/> (the command line, run by whoever holds the database).</summary>
    public async Task<ApiTokenCreated> CreateForEmailAsync(string email, string name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email.Trim());
        return user is null
            ? ApiTokenCreated.Fail("email", $"There is no account {email.Trim()}.")
            : await CreateAsync(user.Id, user.Email ?? email, name, expiresInDays, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = Actor.From(user);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.Id).ToListAsync(cancellationToken);
        return [.. tokens.OrderByDescending(t => t.CreatedAt).Select(ToView)];
    }

    /// <summary>Revokes one of the user's own tokens; false when they have no such token (or it was revoked already).</summary>
    public async Task<bool> RevokeAsync(ClaimsPrincipal user, long tokenId, CancellationToken cancellationToken = default)
    {
        var actor = Actor.From(user);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.UserId == actor.Id && t.RevokedAt == null, cancellationToken);
        if (token is null)
        {
            return false;
        }
        token.RevokedAt = time.GetUtcNow();
        scope.ServiceProvider.GetRequiredService<AuditLog>().Add(db, actor.Name, AuditActions.TokenRevoked, null, $"token/{token.Id}", new { token.Name, token.Prefix });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The principal a token acts as, built exactly as the cookie sign-in builds it (roles as they are now), or the
    /// sentence refusing it. Refusals of a known token are audited; unknown tokens are not (anyone can send those).
    /// </summary>
    public async Task<(ClaimsPrincipal? User, string? Refusal)> AuthenticateAsync(string token, string scheme, CancellationToken cancellationToken = default)
    {
        const string Unknown = "The token is not valid.";
        if (!ApiTokenSecret.LooksLikeToken(token))
        {
            return (null, Unknown);
        }
        var hash = ApiTokenSecret.Hash(token);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var found = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (found is null)
        {
            return (null, Unknown);
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByIdAsync(found.UserId);
        var now = time.GetUtcNow();
        var refusal = found switch
        {
            { RevokedAt: not null } => "The token was revoked.",
            { ExpiresAt: { } expires } when expires <= now => $"The token expired at {expires.UtcDateTime:yyyy-MM-dd HH:mm} UTC.",
            _ when user is null or { Disabled: true } => "The token's account is disabled.",
            _ => null,
        };
        if (refusal is not null)
        {
            // A script retrying a revoked token writes one event a minute, not one per request.
            if (_lastRefusals.TryGetValue(found.Id, out var audited) is false || now - audited >= _writeInterval)
            {
                _lastRefusals[found.Id] = now;
                scope.ServiceProvider.GetRequiredService<AuditLog>().Add(db, user?.Email ?? found.UserId, AuditActions.TokenRefused, null, $"token/{found.Id}", new { found.Prefix, reason = refusal });
                await db.SaveChangesAsync(cancellationToken);
            }
            return (null, refusal);
        }
        if (found.LastUsedAt is not { } last || now - last >= _writeInterval)
        {
            await TouchAsync(db, found.Id, now, cancellationToken);
        }
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PortalUser>>().CreateAsync(user!);
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var identity = new ClaimsIdentity(principal.Claims, scheme, options.UserNameClaimType, options.RoleClaimType);
        identity.AddClaim(new Claim(TokenIdClaim, found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (new ClaimsPrincipal(identity), null);
    }

    /// <summary>The id of the token a request authenticated with.</summary>
    public const string TokenIdClaim = "edgeportal:token-id";

    private async Task<ApiTokenCreated> CreateAsync(string userId, string userName, string name, int? expiresInDays, CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > MaxNameLength)
        {
            return ApiTokenCreated.Fail("name", $"Give the token a name of 1 to {MaxNameLength} characters.");
        }
        if (expiresInDays is < 1 or > MaxExpiryDays)
        {
            return ApiTokenCreated.Fail("expires", $"Give the expiry in whole days from 1 to {MaxExpiryDays}, or none for a token that does not expire.");
        }
        var secret = ApiTokenSecret.Generate();
        var now = time.GetUtcNow();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name,
            Hash = ApiTokenSecret.Hash(secret),
            Prefix = ApiTokenSecret.Prefix(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is { } days ? now.AddDays(days) : null,
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<AuditLog>().Add(db, userName, AuditActions.TokenCreated, null, $"token/{token.Id}",
            new { token.Name, token.Prefix, expiresAt = token.ExpiresAt });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ApiTokenCreated(ToView(token), secret, null, null);
    }

    private static Task<int> TouchAsync(PortalDbContext db, long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.ApiTokens.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);

    private static ApiTokenView ToView(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}

namespace EdgePortal.Portal.Data;

/// <summary>
/// A personal access token for the API: it acts as its user, with the user's roles as they are at each request.
/// Only the SHA-256 of the token is stored; the token itself is shown once, when it is created.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>What the user called it ("CI pipeline").</summary>
    public required string Name { get; set; }

    /// <summary>SHA-256 of the whole token, lower-case hex: what a request's token is looked up by.</summary>
    public required string Hash { get; set; }

    /// <summary>The first characters of the token (<c>ept_AbCd1234</c>), so the user can tell their tokens apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Null: the token does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Updated at most once a minute, so that a busy script does not write on every request.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}

namespace EdgePortal.Portal.Services.Audit;

/// <summary>Every audit action name, in one place, so the audit page, the docs and the tests speak the same words.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "account.login";
    public const string LoginFailed = "account.login-failed";

    /// <summary>Sign-ins refused without checking the password (too many failures); one per address or account and window.</summary>
    public const string LoginLimited = "account.login-limited";
    public const string Logout = "account.logout";
    public const string PasswordChanged = "account.password-changed";
    public const string UserAdded = "user.added";
    public const string UserRoleChanged = "user.role-changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";

    /// <summary>An Admin gave the account a new one-time password (never recorded).</summary>
    public const string UserPasswordReset = "user.password-reset";
    public const string AdminBootstrapped = "user.bootstrap-admin";

    /// <summary>A user created an API token (its name and prefix are recorded, never the token).</summary>
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";

    /// <summary>A known token was refused (expired, revoked, or its user disabled); at most one a minute per token.</summary>
    public const string TokenRefused = "token.refused";
    public const string TargetCreated = "target.created";
    public const string RevisionCreated = "revision.created";
    public const string DraftCreated = "changeset.created";
    public const string DraftSaved = "changeset.saved";
    public const string DraftImported = "changeset.imported";
    public const string ChangeSetSubmitted = "changeset.submitted";
    public const string ChangeSetAbandoned = "changeset.abandoned";
    public const string ChangeSetApproved = "changeset.approved";
    public const string ChangeSetRejected = "changeset.rejected";
    public const string ChangeSetReopened = "changeset.reopened";

    /// <summary>The change set was moved onto the live revision by a three-way merge; its approvals were dropped.</summary>
    public const string ChangeSetRebased = "changeset.rebased";
    public const string Exported = "document.exported";
    public const string PublishRequested = "publish.requested";
    public const string RollbackRequested = "publish.rollback";
    public const string PublishStarted = "publish.started";
    public const string PublishSucceeded = "publish.succeeded";
    public const string PublishFailed = "publish.failed";

    /// <summary>An operator resumed the wait of a deployment whose association was written but never confirmed.</summary>
    public const string PublishResumed = "publish.resumed";
    public const string AuditExported = "audit.exported";
    public const string AuditVerified = "audit.verified";

    /// <summary>The first event sealed with a new key (or the first sealed event of all); see <c>AuditSealKeys</c>.</summary>
    public const string AuditKeyRotated = "audit.key-rotated";
}

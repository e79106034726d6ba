namespace EdgePortal.Portal.Data;

/// <summary>The audit action names, one place so the audit page and tests speak the same words.</summary>
public static class AuditActions
{
    public const string LoginSucceeded = "account.login";
    public const string LoginFailed = "account.login-failed";
    public const string Logout = "account.logout";
    public const string PasswordChanged = "account.password-changed";
    public const string UserAdded = "user.added";
    public const string AdminBootstrapped = "user.bootstrap-admin";
    public const string TargetCreated = "target.created";
    public const string RevisionCreated = "revision.created";
    public const string DraftCreated = "changeset.created";
    public const string DraftSaved = "changeset.saved";
    public const string DraftImported = "changeset.imported";
    public const string ChangeSetSubmitted = "changeset.submitted";
    public const string ChangeSetAbandoned = "changeset.abandoned";
    public const string ChangeSetRebased = "changeset.rebased";
    public const string Exported = "document.exported";
}

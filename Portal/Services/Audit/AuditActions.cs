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
    public const string TargetUpdated = "target.updated";
    public const string TargetRetired = "target.retired";
    public const string RevisionCreated = "revision.created";
    public const string DraftCreated = "changeset.created";
    public const string DraftSaved = "changeset.saved";
    public const string DraftImported = "changeset.imported";
    public const string ChangeSetSubmitted = "changeset.submitted";

    /// <summary>The author gave the change set up for good (its state is then Withdrawn).</summary>
    public const string ChangeSetAbandoned = "changeset.abandoned";

    /// <summary>The author took the change set out of review to edit it again; its approvals were dropped.</summary>
    public const string ChangeSetWithdrawn = "changeset.withdrawn";

    /// <summary>One approval; the details say how many the target needs and how many there are now.</summary>
    public const string ChangeSetApproved = "changeset.approved";
    public const string ChangeSetChangesRequested = "changeset.changes-requested";
    public const string ChangeSetRejected = "changeset.rejected";
    public const string ChangeSetReopened = "changeset.reopened";
    public const string ChangeSetCommented = "changeset.commented";

    /// <summary>A publish of the change set's revision succeeded or failed: the portal moved the change set to Published or Failed.</summary>
    public const string ChangeSetPublished = "changeset.published";
    public const string ChangeSetPublishFailed = "changeset.publish-failed";

    /// <summary>The change set was moved onto the live revision by a three-way merge; its approvals were dropped.</summary>
    public const string ChangeSetRebased = "changeset.rebased";

    /// <summary>An Admin published the change set without approval; the details carry the written reason.</summary>
    public const string EmergencyPublished = "changeset.emergency-published";

    /// <summary>A second person reviewed an emergency publish after the fact.</summary>
    public const string EmergencyAcknowledged = "changeset.emergency-acknowledged";
    public const string Exported = "document.exported";
    public const string PublishRequested = "publish.requested";
    public const string RollbackRequested = "publish.rollback";
    public const string PublishStarted = "publish.started";
    public const string PublishSucceeded = "publish.succeeded";
    public const string PublishFailed = "publish.failed";

    /// <summary>An operator resumed the wait of a deployment whose association was written but never confirmed.</summary>
    public const string PublishResumed = "publish.resumed";
    /// <summary>A drift check found the distribution differing from what the portal last published (again, if the differences changed).</summary>
    public const string DriftDetected = "target.drift-detected";

    /// <summary>A drift check found the distribution back to what the portal last published.</summary>
    public const string DriftCleared = "target.drift-cleared";

    /// <summary>An Admin deleted a Lambda version nothing referred to.</summary>
    public const string VersionDeleted = "version.deleted";

    /// <summary>Lambda refused to delete a version CloudFront still has replicas of; it is tried again on the next run.</summary>
    public const string VersionDeleteRefused = "version.delete-refused";
    public const string AuditExported = "audit.exported";
    public const string AuditVerified = "audit.verified";

    /// <summary>The first event sealed with a new key (or the first sealed event of all); see <c>AuditSealKeys</c>.</summary>
    public const string AuditKeyRotated = "audit.key-rotated";
}

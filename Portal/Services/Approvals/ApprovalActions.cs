namespace EdgePortal.Portal.Services.Approvals;

/// <summary>Audit action names of the review workflow and of the audit history itself.</summary>
public static class ApprovalActions
{
    public const string Approved = "changeset.approved";
    public const string Rejected = "changeset.rejected";
    public const string Reopened = "changeset.reopened";
    public const string AuditExported = "audit.exported";
    public const string AuditVerified = "audit.verified";
}

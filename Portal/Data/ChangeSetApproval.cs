namespace EdgePortal.Portal.Data;

/// <summary>
/// One person's approval of a change set as it was at <see cref="Version"/>. Any change after submission
/// deletes every approval of the change set, so the rows that exist are the approvals that still count.
/// </summary>
public sealed class ChangeSetApproval
{
    public long Id { get; set; }

    public long ChangeSetId { get; set; }

    public required string UserId { get; set; }

    public required string UserName { get; set; }

    public DateTimeOffset ApprovedAt { get; set; }

    public string Comment { get; set; } = "";

    /// <summary>The change set's version the approver saw and approved.</summary>
    public Guid Version { get; set; }
}

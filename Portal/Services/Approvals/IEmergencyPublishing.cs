using System.Security.Claims;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Services.Approvals;

/// <summary>
/// The way past review when something cannot wait: an Admin publishes a change set at once with a written reason; it is
/// marked loudly everywhere and needs a second person's review after the fact (<see cref="AcknowledgeAsync"/>).
/// </summary>
public interface IEmergencyPublishing
{
    /// <summary>Makes the change set's revision with a plan (stored as for an approval) and queues its publish; Admins only, reason required.</summary>
    Task<PublishResult> PublishAsync(ClaimsPrincipal user, long changeSetId, Guid expectedVersion, string reason, CancellationToken cancellationToken = default);

    /// <summary>The change set's emergency publish and its review after the fact; null when it was not published in an emergency.</summary>
    Task<EmergencyStatus?> StatusAsync(long changeSetId, CancellationToken cancellationToken = default);

    /// <summary>Change sets published in an emergency that no second person has reviewed yet, newest first.</summary>
    Task<IReadOnlyList<ChangeSetSummary>> NeedingReviewAsync(CancellationToken cancellationToken = default);

    /// <summary>An Approver or Admin other than the publisher says they reviewed the emergency publish, with a comment.</summary>
    Task<ChangeSetResult> AcknowledgeAsync(ClaimsPrincipal user, long changeSetId, string comment, CancellationToken cancellationToken = default);
}

/// <summary>Who published a change set in an emergency and why, and who reviewed it after the fact (null: it still needs that).</summary>
public sealed record EmergencyStatus(string Reason, string PublishedById, string PublishedBy, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt, string? Comment)
{
    public bool NeedsReview => AcknowledgedBy is null;
}

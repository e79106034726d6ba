namespace EdgePortal.Portal.Services.Plans;

/// <summary>The publish plan of a change set as its review page shows it (<see cref="ChangeSetPlans"/>).</summary>
public interface IChangeSetPlans
{
    /// <inheritdoc cref="ChangeSetPlans.ForReviewAsync"/>
    Task<ChangeSetPlan?> ForReviewAsync(long changeSetId, CancellationToken cancellationToken = default);
}

namespace EdgePortal.Portal.Data;

/// <summary>
/// The publish plan a deployment executes, kept beside the deployment (which lives in the deployment store) under
/// its id: what the worker checks again before the first AWS write, and what the deployment list shows.
/// </summary>
public sealed class DeploymentPlan
{
    public required string DeploymentId { get; set; }

    public long? ChangeSetId { get; set; }

    /// <summary><c>PublishPlan</c> as JSON.</summary>
    public required string PlanJson { get; set; }

    /// <summary>The written reason of an emergency publish; null for a reviewed one.</summary>
    public string? EmergencyReason { get; set; }
}

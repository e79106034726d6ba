using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Data;

/// <summary>When one step of a deployment started and ended, kept as the step log is written. A resumed step keeps its first start.</summary>
public sealed class DeploymentStepTime
{
    public required string DeploymentId { get; set; }

    public PublishStep Step { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Finished or Failed once it ended; null while it runs.</summary>
    public StepEvent? Outcome { get; set; }
}

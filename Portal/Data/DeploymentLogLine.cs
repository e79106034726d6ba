using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Data;

/// <summary>One line of a deployment's step log, in the order written (<see cref="Id"/>).</summary>
public sealed class DeploymentLogLine
{
    public long Id { get; set; }

    public required string DeploymentId { get; set; }

    public PublishStep? Step { get; set; }

    public StepEvent Event { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset At { get; set; }
}

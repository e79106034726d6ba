using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// How patient a publish is. Each step has a deadline; every retry, poll and wait inside the step ends by it,
/// so no step can run longer than its timeout however AWS behaves. Defaults suit AWS; tests shrink the delays.
/// </summary>
public sealed record PublisherOptions
{
    /// <summary>Retries of one AWS call (throttling, 5xx, a timeout): the one retry layer, cut short by the step's deadline.</summary>
    public RetryOptions Retry { get; init; } = new() { BaseDelay = TimeSpan.FromSeconds(1) };

    /// <summary>Re-reads of the distribution config after a stale ETag before giving up.</summary>
    public int MaxConfigWriteAttempts { get; init; } = 5;

    /// <summary>How often to look at a function that is Pending or whose update is InProgress.</summary>
    public TimeSpan FunctionPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The Version step's deadline: uploads, publishing, and waits for the function (ResourceConflictException, Pending, InProgress).</summary>
    public TimeSpan VersionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The Associate step's deadline: reading and writing the distribution config.</summary>
    public TimeSpan AssociateTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often to ask whether the distribution is Deployed (AWS's own waiter: 60 s).</summary>
    public TimeSpan DeployedPollInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The same for the local target, whose simulated propagation takes seconds and someone is watching.</summary>
    public TimeSpan LocalDeployedPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The WaitDeployed step's deadline (AWS's waiter gives up after 35 minutes).</summary>
    public TimeSpan DeployedTimeout { get; init; } = TimeSpan.FromMinutes(35);

    /// <summary>The Invalidate step's deadline, including waits for earlier invalidations when CloudFront has too many in progress.</summary>
    public TimeSpan InvalidateTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The Package and Live steps call nothing; this only bounds a store that hangs.</summary>
    public TimeSpan OtherStepTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <paramref name="step"/> may take from the moment it starts (again, when a deployment is resumed).</summary>
    public TimeSpan TimeoutOf(PublishStep step) => step switch
    {
        PublishStep.Version => VersionTimeout,
        PublishStep.Associate => AssociateTimeout,
        PublishStep.WaitDeployed => DeployedTimeout,
        PublishStep.Invalidate => InvalidateTimeout,
        _ => OtherStepTimeout,
    };
}

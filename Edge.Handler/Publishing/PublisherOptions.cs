namespace EdgePortal.Edge.Publishing;

/// <summary>How patient a publish is. Defaults suit AWS; tests shrink the delays.</summary>
public sealed record PublisherOptions
{
    /// <summary>Attempts of one AWS call that fails with a retryable error (throttling, 5xx, a timeout).</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>Delay before the second attempt; doubled each time up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Re-reads of the distribution config after a stale ETag before giving up.</summary>
    public int MaxConfigWriteAttempts { get; init; } = 5;

    /// <summary>How often to look at a function that is Pending or whose update is InProgress.</summary>
    public TimeSpan FunctionPollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a function may stay busy (ResourceConflictException, Pending, InProgress).</summary>
    public TimeSpan FunctionReadyTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often to ask whether the distribution is Deployed (AWS's own waiter: 60 s).</summary>
    public TimeSpan DeployedPollInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The same for the local target, whose simulated propagation takes seconds and someone is watching.</summary>
    public TimeSpan LocalDeployedPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a distribution may stay InProgress (AWS's waiter gives up after 35 minutes).</summary>
    public TimeSpan DeployedTimeout { get; init; } = TimeSpan.FromMinutes(35);

    /// <summary>How long to wait for earlier invalidations to finish when CloudFront has too many in progress.</summary>
    public TimeSpan InvalidationCapacityTimeout { get; init; } = TimeSpan.FromMinutes(15);
}

namespace EdgePortal.Edge.Shipping;

/// <summary>How hard the AWS clients try before giving up.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in all (the first one included) for throttling, 5xx and timeouts.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first backoff ceiling; it doubles each retry up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait when a function update is still in progress (ResourceConflictException).</summary>
    public TimeSpan ConflictWait { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many such waits before giving up (a code update normally settles within a minute).</summary>
    public int MaxConflictWaits { get; init; } = 60;
}

/// <summary>One retry about to happen: which attempt failed, why, and how long the policy waits.</summary>
public sealed record RetryEvent(int Attempt, string Reason, TimeSpan Delay);

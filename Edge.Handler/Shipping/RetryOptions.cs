namespace EdgePortal.Edge.Shipping;

/// <summary>How hard one AWS call is tried before giving up (the publisher's step deadline may cut it shorter).</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts in all (the first one included) for throttling, 5xx and timeouts.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first backoff ceiling; it doubles each retry up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one attempt may take before it counts as a timeout.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>One retry about to happen: which attempt failed, why, how long the policy waits, and the time left after that wait.</summary>
public sealed record RetryEvent(int Attempt, string Reason, TimeSpan Delay, TimeSpan Left);

/// <summary>
/// A call the policy stopped retrying: out of attempts, or the next attempt would start after the deadline.
/// <see cref="Exception.InnerException"/> is the last failure.
/// </summary>
public sealed class RetriesExhaustedException(string message, int attempts, bool outOfTime, Exception last) : Exception(message, last)
{
    public int Attempts { get; } = attempts;

    /// <summary>True when the deadline, not the attempt count, ended the retries.</summary>
    public bool OutOfTime { get; } = outOfTime;
}

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// How long a publish lock holds without news from its holder, and who this process is. A holder that saves its
/// deployment renews the lease until its step's deadline plus <see cref="Duration"/>: a long wait for Deployed
/// never loses the lock, while a process that died frees the target once that much time has passed.
/// </summary>
public sealed record PublishLockLease(TimeSpan Duration, string Owner)
{
    public static PublishLockLease ForThisProcess(TimeSpan duration) => new(duration, $"{Environment.MachineName}:{Environment.ProcessId}");

    public DateTimeOffset ExpiryFor(Deployment deployment, DateTimeOffset now) =>
        (deployment.StepDeadline is { } deadline && deadline > now ? deadline : now) + Duration;
}

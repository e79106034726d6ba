namespace EdgePortal.Portal.Data;

/// <summary>
/// The per-target publish lock: one row per target, naming the deployment that holds it. Taken and released
/// in a transaction, so it holds across portal processes sharing the database; the holder's lease is renewed
/// each time its deployment is saved, and a lease that ran out (its process died) may be taken over.
/// </summary>
public sealed class PublishLock
{
    public required string TargetId { get; set; }

    public required string DeploymentId { get; set; }

    /// <summary>The process that took it (<c>host:pid</c>), for whoever wonders why a target is busy.</summary>
    public required string Owner { get; set; }

    public DateTimeOffset TakenAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}

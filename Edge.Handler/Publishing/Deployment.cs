namespace EdgePortal.Edge.Publishing;

/// <summary>Queued until a publisher takes it; Running (also while interrupted); then Succeeded or Failed.</summary>
public enum DeploymentState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>The steps of a publish, in order (docs/publishing.md).</summary>
public enum PublishStep
{
    /// <summary>Checks the target before anything changes; runs only on a deployment's first run (nothing finished yet).</summary>
    Preflight = 0,
    Package = 1,
    Version = 2,
    Associate = 3,
    WaitDeployed = 4,
    Invalidate = 5,
    Live = 6,
}

/// <summary>
/// One publish of one revision to one target: its request, where it got to, and what each finished
/// step produced, so that a restart resumes after <see cref="LastFinishedStep"/>.
/// </summary>
public sealed record Deployment
{
    /// <summary>Unique; also the invalidation's CallerReference, so a repeated invalidation is the same one.</summary>
    public required string Id { get; init; }

    public required PublishRequest Request { get; init; }

    public DeploymentState State { get; init; } = DeploymentState.Queued;

    /// <summary>The step started and not yet finished, if any.</summary>
    public PublishStep? CurrentStep { get; init; }

    /// <summary>When <see cref="CurrentStep"/> must be done by; every wait and retry in it ends by then.</summary>
    public DateTimeOffset? StepDeadline { get; init; }

    public PublishStep? LastFinishedStep { get; init; }

    /// <summary>The qualified ARN of the version the behaviours point at (ends in <c>:N</c>).</summary>
    public string? VersionArn { get; init; }

    public string? Version { get; init; }

    /// <summary>True when an existing version with the same CodeSha256 was used and nothing was uploaded.</summary>
    public bool VersionReused { get; init; }

    /// <summary>The distribution's ETag after the association was written (or found in place).</summary>
    public string? ConfigETag { get; init; }

    /// <summary>False when the behaviours already pointed at the version and nothing was written.</summary>
    public bool AssociationChanged { get; init; }

    public string? InvalidationId { get; init; }

    /// <summary>
    /// True when the association was written, so the edge may run this version, but the publish did not confirm
    /// it: the wait for Deployed or the invalidation failed or ran out of time. The deployment is Failed (the
    /// target is free) and may be resumed from the wait; the portal plans later invalidations against this
    /// revision as well as the live one until a publish to the target succeeds. Cleared when this one does.
    /// </summary>
    public bool DeploymentUnconfirmed { get; init; }

    /// <summary>The AWS error code of a failure (e.g. <c>PreconditionFailed</c>), when AWS gave one.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A sentence saying which step failed and why.</summary>
    public string? Error { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The portal's target id (the target's <see cref="Target.Name"/>); files written before the rename carry it as <c>TargetName</c>, which is computed and so never read back.</summary>
    public string TargetId => Request.Target.Name;

    public bool IsFinished => State is DeploymentState.Succeeded or DeploymentState.Failed;

    /// <summary>The state as the operator reads it: a Failed deployment whose association is out there says so.</summary>
    public string StateText => State == DeploymentState.Failed && DeploymentUnconfirmed ? UnconfirmedText : State.ToString();

    public const string UnconfirmedText = "Associated; deployment not confirmed";
}

/// <summary>What happened in a step: started, finished, failed, or a note (a retry, a wait).</summary>
public enum StepEvent
{
    Started,
    Finished,
    Failed,
    Note,
}

/// <summary>One line of a deployment's step log.</summary>
public sealed record DeploymentLogEntry(PublishStep? Step, StepEvent Event, string Message, DateTimeOffset At);

/// <summary>Progress for the UI: the step, what is happening in it, and when the step must be done by.</summary>
public sealed record PublishProgress(string DeploymentId, PublishStep? Step, StepEvent Event, string Message, DateTimeOffset? StepDeadline = null);

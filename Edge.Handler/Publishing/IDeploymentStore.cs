namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Where deployments and their step logs live (the portal keeps them in SQLite). The publisher records
/// every step before and after it runs through <see cref="SaveAsync"/>, so a store that keeps what it was
/// given is all a restart needs to resume.
/// </summary>
public interface IDeploymentStore
{
    /// <summary>Stores a new Queued deployment for <paramref name="request"/> under a new unique id.</summary>
    Task<Deployment> CreateAsync(PublishRequest request, CancellationToken cancellationToken);

    Task<Deployment?> LoadAsync(string deploymentId, CancellationToken cancellationToken);

    /// <summary>Replaces the deployment and appends <paramref name="entry"/> to its log, both or neither.</summary>
    Task SaveAsync(Deployment deployment, DeploymentLogEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeploymentLogEntry>> LoadLogAsync(string deploymentId, CancellationToken cancellationToken);

    /// <summary>The deployments to one target, newest first: what the edge may be serving is read from these.</summary>
    Task<IReadOnlyList<Deployment>> ListByTargetAsync(string targetId, CancellationToken cancellationToken);

    /// <summary>Deployments neither Succeeded nor Failed, oldest first: what to resume after a restart.</summary>
    Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the target for <paramref name="deploymentId"/> unless another deployment holds it.
    /// The lock belongs to the deployment, not to a process: the deployment that holds it may take it
    /// again (a resume after a crash), everyone else is refused until it is released. A database
    /// implements it as one row per target (insert if absent, or update where the holder is the same).
    /// </summary>
    Task<TargetLock> TryAcquireTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken);

    /// <summary>Releases the target if <paramref name="deploymentId"/> holds it; otherwise does nothing.</summary>
    Task ReleaseTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken);
}

/// <summary>The answer to a lock request: taken, or held by another deployment.</summary>
public sealed record TargetLock(bool Acquired, string HolderDeploymentId);

namespace EdgePortal.Edge.Publishing;

/// <summary>A deployment store in memory, for tests and for a portal run without a database.</summary>
public sealed class InMemoryDeploymentStore(TimeProvider timeProvider) : IDeploymentStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Deployment> _deployments = [];
    private readonly Dictionary<string, List<DeploymentLogEntry>> _logs = [];
    private readonly Dictionary<string, string> _locks = [];

    public InMemoryDeploymentStore()
        : this(TimeProvider.System)
    {
    }

    public Task<Deployment> CreateAsync(PublishRequest request, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var deployment = new Deployment { Id = DeploymentIds.New(now), Request = request, CreatedAt = now, UpdatedAt = now };
        lock (_gate)
        {
            _deployments.Add(deployment.Id, deployment);
            _logs.Add(deployment.Id, []);
        }
        return Task.FromResult(deployment);
    }

    public Task<Deployment?> LoadAsync(string deploymentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_deployments.GetValueOrDefault(deploymentId));
        }
    }

    public Task SaveAsync(Deployment deployment, DeploymentLogEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_deployments.ContainsKey(deployment.Id))
            {
                throw new InvalidOperationException($"Deployment '{deployment.Id}' was never created in this store.");
            }
            _deployments[deployment.Id] = deployment;
            _logs[deployment.Id].Add(entry);
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeploymentLogEntry>> LoadLogAsync(string deploymentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<DeploymentLogEntry> log = _logs.TryGetValue(deploymentId, out var entries) ? [.. entries] : [];
            return Task.FromResult(log);
        }
    }

    public Task<IReadOnlyList<Deployment>> ListByTargetAsync(string targetId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Deployment> deployments = [.. _deployments.Values.Where(d => d.TargetId == targetId).OrderByDescending(d => d.CreatedAt)];
            return Task.FromResult(deployments);
        }
    }

    public Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Deployment> unfinished = [.. _deployments.Values.Where(d => !d.IsFinished).OrderBy(d => d.CreatedAt)];
            return Task.FromResult(unfinished);
        }
    }

    public Task<TargetLock> TryAcquireTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var holder = _locks.GetValueOrDefault(targetId);
            if (holder is null || holder == deploymentId)
            {
                _locks[targetId] = deploymentId;
                return Task.FromResult(new TargetLock(true, deploymentId));
            }
            return Task.FromResult(new TargetLock(false, holder));
        }
    }

    public Task ReleaseTargetLockAsync(string targetId, string deploymentId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_locks.GetValueOrDefault(targetId) == deploymentId)
            {
                _locks.Remove(targetId);
            }
        }
        return Task.CompletedTask;
    }
}

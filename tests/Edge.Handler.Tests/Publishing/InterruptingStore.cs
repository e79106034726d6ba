using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>Thrown by a store whose process "died".</summary>
public sealed class ProcessKilledException() : Exception("The process was killed.");

/// <summary>
/// A store that "kills the process" at a chosen record: from then on every call throws, as if the process
/// were gone, and what was stored before stays in <see cref="Inner"/> for the next process.
/// It can also hold a save until the test lets it go, to stop a publish half-way.
/// </summary>
public sealed class InterruptingStore(IDeploymentStore inner) : IDeploymentStore
{
    private volatile bool _dead;

    public IDeploymentStore Inner { get; } = inner;

    /// <summary>Kills the process when this returns true for a record about to be saved; the bool says whether to save it first.</summary>
    public Func<DeploymentLogEntry, bool>? KillAt { get; init; }

    public bool SaveBeforeKilling { get; init; }

    /// <summary>Holds a save for which this returns true until <see cref="Release"/>.</summary>
    public Func<DeploymentLogEntry, bool>? HoldAt { get; init; }

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public Task<Deployment> CreateAsync(PublishRequest request, CancellationToken cancellationToken)
        => Alive(() => Inner.CreateAsync(request, cancellationToken));

    public Task<Deployment?> LoadAsync(string deploymentId, CancellationToken cancellationToken)
        => Alive(() => Inner.LoadAsync(deploymentId, cancellationToken));

    public async Task SaveAsync(Deployment deployment, DeploymentLogEntry entry, CancellationToken cancellationToken)
    {
        Check();
        if (HoldAt?.Invoke(entry) == true)
        {
            Held.TrySetResult();
            await _release.Task;
        }
        if (KillAt?.Invoke(entry) == true)
        {
            if (SaveBeforeKilling)
            {
                await Inner.SaveAsync(deployment, entry, cancellationToken);
            }
            _dead = true;
            Check();
        }
        await Inner.SaveAsync(deployment, entry, cancellationToken);
    }

    public Task<IReadOnlyList<DeploymentLogEntry>> LoadLogAsync(string deploymentId, CancellationToken cancellationToken)
        => Alive(() => Inner.LoadLogAsync(deploymentId, cancellationToken));

    public Task<IReadOnlyList<Deployment>> ListByTargetAsync(string targetName, CancellationToken cancellationToken)
        => Alive(() => Inner.ListByTargetAsync(targetName, cancellationToken));

    public Task<IReadOnlyList<Deployment>> ListUnfinishedAsync(CancellationToken cancellationToken)
        => Alive(() => Inner.ListUnfinishedAsync(cancellationToken));

    public Task<TargetLock> TryAcquireTargetLockAsync(string targetName, string deploymentId, CancellationToken cancellationToken)
        => Alive(() => Inner.TryAcquireTargetLockAsync(targetName, deploymentId, cancellationToken));

    public Task ReleaseTargetLockAsync(string targetName, string deploymentId, CancellationToken cancellationToken)
        => Alive(() => Inner.ReleaseTargetLockAsync(targetName, deploymentId, cancellationToken));

    private void Check()
    {
        if (_dead)
        {
            throw new ProcessKilledException();
        }
    }

    private Task<T> Alive<T>(Func<Task<T>> call)
    {
        Check();
        return call();
    }

    private Task Alive(Func<Task> call)
    {
        Check();
        return call();
    }
}

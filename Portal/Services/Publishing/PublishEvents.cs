using System.Collections.Concurrent;
using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Progress of running deployments for the pages watching them, in memory: a page subscribes to one
/// deployment, or to a target to hear that one of its deployments changed. Nothing here is recorded.
/// </summary>
public sealed class PublishEvents
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Guid, Action<PublishProgress>>> _byKey = new();

    /// <summary>Hears every progress line of <paramref name="deploymentId"/> until disposed.</summary>
    public IDisposable SubscribeDeployment(string deploymentId, Action<PublishProgress> handler) => Subscribe("d:" + deploymentId, handler);

    /// <summary>Hears every progress line of every deployment to <paramref name="targetId"/> until disposed.</summary>
    public IDisposable SubscribeTarget(string targetId, Action<PublishProgress> handler) => Subscribe("t:" + targetId, handler);

    /// <summary>Hears that the portal recorded the end of a deployment to <paramref name="targetId"/>, after which its live revision may differ.</summary>
    public IDisposable SubscribeRecorded(string targetId, Action<PublishProgress> handler) => Subscribe("r:" + targetId, handler);

    /// <summary>The portal recorded <paramref name="deployment"/>'s end (the live revision is set only then, after the publisher's last progress line).</summary>
    public void Recorded(string targetId, Deployment deployment) =>
        Raise("r:" + targetId, new PublishProgress(deployment.Id, null, StepEvent.Finished, $"Deployment {deployment.Id}: {deployment.StateText}."));

    public void Report(string targetId, PublishProgress progress)
    {
        Raise("d:" + progress.DeploymentId, progress);
        Raise("t:" + targetId, progress);
    }

    private void Raise(string key, PublishProgress progress)
    {
        if (_byKey.TryGetValue(key, out var handlers))
        {
            foreach (var handler in handlers.Values)
            {
                handler(progress);
            }
        }
    }

    private IDisposable Subscribe(string key, Action<PublishProgress> handler)
    {
        var id = Guid.NewGuid();
        _byKey.GetOrAdd(key, _ => new()).TryAdd(id, handler);
        return new Subscription(() => _byKey.GetOrAdd(key, _ => new()).TryRemove(id, out _));
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}

using System.Threading.Channels;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>Deployment ids waiting for the worker, oldest first, and a bell to ring when there is something to do.</summary>
public sealed class PublishQueue
{
    private readonly Lock _gate = new();
    private readonly List<string> _waiting = [];
    private readonly Channel<bool> _bell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(string deploymentId)
    {
        lock (_gate)
        {
            if (!_waiting.Contains(deploymentId))
            {
                _waiting.Add(deploymentId);
            }
        }
        Ring();
    }

    /// <summary>Puts a deployment that could not start back at the front, keeping its turn.</summary>
    public void PutBack(string deploymentId)
    {
        lock (_gate)
        {
            _waiting.Remove(deploymentId);
            _waiting.Insert(0, deploymentId);
        }
    }

    public IReadOnlyList<string> Waiting()
    {
        lock (_gate)
        {
            return [.. _waiting];
        }
    }

    public bool Remove(string deploymentId)
    {
        lock (_gate)
        {
            return _waiting.Remove(deploymentId);
        }
    }

    public void Ring() => _bell.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken) => await _bell.Reader.ReadAsync(cancellationToken);
}

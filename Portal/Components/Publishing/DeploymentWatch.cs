using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Publishing;

namespace EdgePortal.Portal.Components.Publishing;

/// <summary>
/// Tells a page that a target's deployments or live revision changed (or, without a target, any deployment). Progress events wake it at once; between them
/// it reads the store every <see cref="Interval"/>, so a lost or early event (the live revision is recorded after the
/// publisher's last line), or a publish run by another portal process, still shows within a second.
/// It calls <c>changed</c> when what it read differs from the last time, and at every read while <c>keepReading</c> says so
/// (the deployments page, while an invalidation it shows is still in progress).
/// </summary>
public sealed class DeploymentWatch : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly DeploymentHistory _history;
    private readonly string? _targetId;
    private readonly Func<Task> _changed;
    private readonly Func<bool> _keepReading;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly IDisposable? _progress;
    private readonly IDisposable? _recorded;
    private readonly Task _watching;

    public DeploymentWatch(DeploymentHistory history, PublishEvents events, string? targetId, Func<Task> changed, ILogger logger, Func<bool>? keepReading = null)
    {
        (_history, _targetId, _changed, _logger, _keepReading) = (history, targetId, changed, logger, keepReading ?? (() => false));
        if (targetId is not null)
        {
            _progress = events.SubscribeTarget(targetId, p =>
            {
                if (p.Event is not StepEvent.Note)
                {
                    Wake();
                }
            });
            _recorded = events.SubscribeRecorded(targetId, _ => Wake());
        }
        _watching = WatchAsync(_stop.Token);
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: one read covers both.
        }
    }

    private async Task WatchAsync(CancellationToken stop)
    {
        string? last = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var mark = await _history.MarkAsync(_targetId, stop);
                // The first read also refreshes: the page may have been read just before a change this read already sees.
                if (mark != last || _keepReading())
                {
                    await _changed();
                }
                last = mark;
                await _wake.WaitAsync(Interval, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            // The page stays as it is (a reload shows the truth); the failure is not lost.
            _logger.LogError(error, "Watching the deployments of target {Target} stopped", _targetId ?? "(all)");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _progress?.Dispose();
        _recorded?.Dispose();
        await _stop.CancelAsync();
        await _watching;
        _stop.Dispose();
        _wake.Dispose();
    }
}

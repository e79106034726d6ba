using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Services.Drift;

/// <summary>Checks every AWS target for drift every <see cref="DriftOptions.Interval"/> (the local target changes only through the portal).</summary>
public sealed class DriftWorker(DriftService drift, DriftOptions options, TimeProvider time, ILogger<DriftWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Interval <= TimeSpan.Zero)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await drift.CheckAllAsync(Actor.System, awsOnly: true, stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One failed round (the database busy, say) must not stop the next.
                    logger.LogWarning(error, "The periodic drift check failed; it runs again in {Interval}.", options.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}

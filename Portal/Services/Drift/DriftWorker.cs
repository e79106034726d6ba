using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Services.Versions;

namespace EdgePortal.Portal.Services.Drift;

/// <summary>
/// Every <see cref="DriftOptions.Interval"/>: checks every AWS target for drift (the local target changes only through the
/// portal), then tries again the version deletions Lambda refused while CloudFront still had replicas.
/// </summary>
public sealed class DriftWorker(DriftService drift, VersionService versions, DriftOptions options, TimeProvider time, ILogger<DriftWorker> logger)
    : BackgroundService
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
                    await versions.RetryRefusedAsync(stoppingToken);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // One failed round (the database busy, say) must not stop the next.
                    logger.LogWarning(error, "The periodic drift check or version clean-up failed; it runs again in {Interval}.", options.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}

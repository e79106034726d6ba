namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Writes a checkpoint every <c>Audit:CheckpointInterval</c> (default five minutes) when the chain grew, so
/// deleting the newest events is noticed even when nobody exports. Failures are logged; the next tick tries again.
/// </summary>
public sealed class AuditCheckpointWriter(AuditCheckpoints checkpoints, IConfiguration configuration, TimeProvider time, ILogger<AuditCheckpointWriter> logger)
    : BackgroundService
{
    public const string IntervalSetting = "Audit:CheckpointInterval";
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, DefaultInterval);
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{IntervalSetting}: give a positive time span (00:05:00), not {interval}.");
        }
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: the next start writes the next checkpoint.
        }
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await checkpoints.WriteAsync(onlyIfGrown: true, stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error, "Writing the audit checkpoint failed");
        }
    }
}

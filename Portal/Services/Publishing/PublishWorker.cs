using System.Collections.Concurrent;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Services.Plans;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// Runs queued deployments, one at a time per target and in the order they were asked for. At start-up it
/// resumes what a stopped portal left running and queues what it left queued. A target held by another
/// process keeps its deployment queued, asked again after a while.
/// </summary>
public sealed class PublishWorker(
    Publisher publisher,
    IDeploymentStore store,
    PublishQueue queue,
    PublishEvents events,
    PublishCompletion completion,
    DeploymentPlanGate planGate,
    IConfiguration configuration,
    ILogger<PublishWorker> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, string> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (and migrate the database) before publishing anything.
        await Task.Yield();
        try
        {
            var targets = (await store.ListUnfinishedAsync(stoppingToken)).ToDictionary(d => d.Id, d => d.TargetId);
            foreach (var resumed in await publisher.ResumeUnfinishedAsync(new Progress(events, id => targets.GetValueOrDefault(id, "")), stoppingToken))
            {
                await completion.FinishedAsync(resumed, stoppingToken);
            }
            foreach (var left in await store.ListUnfinishedAsync(stoppingToken))
            {
                queue.Enqueue(left.Id);
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                await StartWaitingAsync(stoppingToken);
                await queue.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: running deployments stay Running and are resumed at the next start.
        }
    }

    private async Task StartWaitingAsync(CancellationToken stoppingToken)
    {
        foreach (var id in queue.Waiting())
        {
            var deployment = await store.LoadAsync(id, stoppingToken);
            if (deployment is null || deployment.IsFinished)
            {
                queue.Remove(id);
                continue;
            }
            if (!_running.TryAdd(deployment.TargetId, id))
            {
                continue;
            }
            queue.Remove(id);
            _ = Task.Run(() => RunAsync(deployment, stoppingToken), CancellationToken.None);
        }
    }

    private async Task RunAsync(Deployment deployment, CancellationToken stoppingToken)
    {
        var retryLater = false;
        try
        {
            await completion.StartedAsync(deployment, stoppingToken);
            var finished = await planGate.RefuseIfBrokenAsync(deployment, stoppingToken)
                ?? await publisher.RunAsync(deployment.Id, new Progress(events, _ => deployment.TargetId), stoppingToken);
            await completion.FinishedAsync(finished, stoppingToken);
            events.Recorded(deployment.TargetId, finished);
        }
        catch (TargetBusyException busy)
        {
            logger.LogInformation("Deployment {Id} waits: {Reason}", deployment.Id, busy.Message);
            queue.PutBack(deployment.Id);
            retryLater = true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception error)
        {
            logger.LogError(error, "Deployment {Id} stopped unexpectedly", deployment.Id);
            if (await store.LoadAsync(deployment.Id, CancellationToken.None) is { } failed)
            {
                await completion.FinishedAsync(failed, CancellationToken.None);
            }
        }
        finally
        {
            _running.TryRemove(deployment.TargetId, out _);
        }
        if (retryLater)
        {
            await Task.Delay(RetryInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        queue.Ring();
    }

    private TimeSpan RetryInterval =>
        configuration.GetSection(PortalPublishingOptions.SectionName).Get<PortalPublishingOptions>()?.BusyRetryInterval
            ?? new PortalPublishingOptions().BusyRetryInterval;

    /// <summary>Hands the publisher's progress to the pages; the target is the deployment's target name (the portal's target id).</summary>
    private sealed class Progress(PublishEvents events, Func<string, string> targetOf) : IProgress<PublishProgress>
    {
        public void Report(PublishProgress value) => events.Report(targetOf(value.DeploymentId), value);
    }
}

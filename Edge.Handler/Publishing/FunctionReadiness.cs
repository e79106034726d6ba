using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Lambda refuses changes while a function is Pending or an update is InProgress
/// (ResourceConflictException); these wait it out, bounded by <see cref="PublisherOptions.FunctionReadyTimeout"/>.
/// </summary>
internal static class FunctionReadiness
{
    /// <summary>Waits until <paramref name="qualifier"/> (null: $LATEST) is neither Pending nor InProgress.</summary>
    public static async Task<FunctionConfiguration> WaitAsync(PublishRun run, string? qualifier, CancellationToken cancellationToken)
    {
        var name = run.Target.FunctionName;
        var label = qualifier is null ? name : $"{name}:{qualifier}";
        var deadline = run.Aws.Now + run.Options.FunctionReadyTimeout;
        while (true)
        {
            var configuration = await run.Aws.RunAsync("GetFunctionConfiguration",
                ct => run.Clients.Lambda.GetFunctionConfigurationAsync(name, qualifier, ct), cancellationToken);
            if (configuration.State == "Failed" || configuration.LastUpdateStatus == "Failed")
            {
                throw new PublishFailedException(
                    $"Lambda reports {label} as State {configuration.State}, LastUpdateStatus {configuration.LastUpdateStatus}.");
            }
            if (configuration.State != "Pending" && configuration.LastUpdateStatus != "InProgress")
            {
                return configuration;
            }
            if (run.Aws.Now >= deadline)
            {
                throw new PublishFailedException(
                    $"{label} was still State {configuration.State}, LastUpdateStatus {configuration.LastUpdateStatus} after {run.Options.FunctionReadyTimeout}.");
            }
            run.Report($"Waiting for {label}: State {configuration.State}, LastUpdateStatus {configuration.LastUpdateStatus}.");
            await run.Aws.DelayAsync(run.Options.FunctionPollInterval, cancellationToken);
        }
    }

    /// <summary>Runs a call that Lambda may refuse with ResourceConflictException while the function is busy.</summary>
    public static async Task<T> WhileConflictingAsync<T>(PublishRun run, string what,
        Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = run.Aws.Now + run.Options.FunctionReadyTimeout;
        while (true)
        {
            try
            {
                return await run.Aws.RunAsync(what, call, cancellationToken);
            }
            catch (PublishFailedException conflict) when (conflict.Code == "ResourceConflictException" && run.Aws.Now < deadline)
            {
                await run.NoteAsync($"{what}: {run.Target.FunctionName} is busy (ResourceConflictException); waiting.", cancellationToken);
                await run.Aws.DelayAsync(run.Options.FunctionPollInterval, cancellationToken);
            }
        }
    }
}

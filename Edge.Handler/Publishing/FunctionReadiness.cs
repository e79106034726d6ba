using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Lambda refuses changes while a function is Pending or an update is InProgress (ResourceConflictException),
/// and a version is only fit to associate once it is Active with a Successful last update. These wait it out
/// until the step's deadline. Readiness fails closed: an answer without State or LastUpdateStatus is not ready.
/// </summary>
internal static class FunctionReadiness
{
    /// <summary>Waits until <paramref name="qualifier"/> (null: $LATEST) is Active with a Successful last update; Failed fails at once.</summary>
    public static Task<FunctionConfiguration> WaitReadyAsync(PublishRun run, string? qualifier, CancellationToken cancellationToken)
        => PollAsync(run, qualifier, configuration =>
        {
            if (configuration.State == "Failed" || configuration.LastUpdateStatus == "Failed")
            {
                var reason = configuration.LastUpdateStatusReason ?? configuration.StateReason;
                throw new PublishFailedException(
                    $"Lambda reports {Label(run, qualifier)} as {Describe(configuration)}{(reason is null ? "" : $": {reason}")}.");
            }
            return configuration.IsReady;
        }, cancellationToken);

    /// <summary>
    /// Before uploading: waits while $LATEST is Pending, an update is InProgress, or Lambda does not say. A Failed
    /// last update (an earlier attempt's) is noted and does not block: the upload about to happen replaces it.
    /// </summary>
    public static Task<FunctionConfiguration> WaitWritableAsync(PublishRun run, CancellationToken cancellationToken)
        => PollAsync(run, null, configuration =>
        {
            if (configuration.State == "Failed")
            {
                throw new PublishFailedException(
                    $"Lambda reports {Label(run, null)} as {Describe(configuration)}{(configuration.StateReason is { } reason ? $": {reason}" : "")}.");
            }
            return configuration.State is not (null or "Pending") && configuration.LastUpdateStatus is not (null or "InProgress");
        }, cancellationToken);

    /// <summary>Runs a call that Lambda may refuse with ResourceConflictException while the function is busy.</summary>
    public static async Task<T> WhileConflictingAsync<T>(PublishRun run, string what,
        Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await run.Aws.RunAsync(what, call, cancellationToken);
            }
            catch (PublishFailedException conflict) when (conflict.Code == AwsErrorCodes.ResourceConflict)
            {
                await run.WaitAsync(run.Options.FunctionPollInterval,
                    $"{run.Target.FunctionName} is busy (ResourceConflictException)", record: true, cancellationToken, conflict);
            }
        }
    }

    private static async Task<FunctionConfiguration> PollAsync(PublishRun run, string? qualifier,
        Func<FunctionConfiguration, bool> done, CancellationToken cancellationToken)
    {
        var name = run.Target.FunctionName;
        while (true)
        {
            var configuration = await run.Aws.RunAsync("GetFunctionConfiguration",
                ct => run.Clients.Lambda.GetFunctionConfigurationAsync(name, qualifier, ct), cancellationToken);
            if (done(configuration))
            {
                return configuration;
            }
            await run.WaitAsync(run.Options.FunctionPollInterval,
                $"{Label(run, qualifier)} is {Describe(configuration)}", record: false, cancellationToken);
        }
    }

    private static string Label(PublishRun run, string? qualifier)
        => qualifier is null ? run.Target.FunctionName : $"{run.Target.FunctionName}:{qualifier}";

    private static string Describe(FunctionConfiguration configuration)
        => $"State {configuration.State ?? "(not given)"}, LastUpdateStatus {configuration.LastUpdateStatus ?? "(not given)"}";
}

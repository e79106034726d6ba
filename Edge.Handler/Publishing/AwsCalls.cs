using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Runs one AWS call of a step through the one retry layer (<see cref="RetryPolicy"/>), bounded by the step's
/// deadline, and turns what AWS answered into a <see cref="PublishFailedException"/> the operator can read.
/// Every call the publisher retries is safe to repeat: see docs/publishing.md.
/// </summary>
internal sealed class AwsCalls(PublisherOptions options, TimeProvider timeProvider, Func<DateTimeOffset> deadline,
    Func<string, CancellationToken, Task> note)
{
    private readonly RetryPolicy _retry = new(options.Retry, timeProvider);

    /// <summary>The one retry layer, for reads that must keep AWS's refusals as they are (the preflight).</summary>
    public RetryPolicy Retry => _retry;

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(call, deadline(),
                (retry, ct) => note(
                    $"{what}: {retry.Reason}; trying again in {Durations.Format(retry.Delay)} ({retry.Attempt + 1} of {options.Retry.MaxAttempts}; {Durations.Format(retry.Left)} left).",
                    ct),
                cancellationToken);
        }
        catch (RetriesExhaustedException exhausted)
        {
            throw PublishFailedException.From(what, exhausted);
        }
        catch (AwsServiceException error)
        {
            throw PublishFailedException.From(what, error);
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, timeProvider, cancellationToken);

    public DateTimeOffset Now => timeProvider.GetUtcNow();
}

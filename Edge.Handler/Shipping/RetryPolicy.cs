namespace EdgePortal.Edge.Shipping;

/// <summary>
/// Retries an AWS call: throttling, 5xx, network failures and attempt timeouts get exponential backoff with
/// full jitter (at least what Retry-After asks for); ResourceConflictException waits for the function update
/// to finish. Everything else is thrown at once. A stale ETag is not retried here: re-reading the distribution
/// and re-applying the change is the publisher's decision.
/// </summary>
public sealed class RetryPolicy(RetryOptions options, TimeProvider? time = null, Func<double>? random = null)
{
    /// <summary>Key in <see cref="Exception.Data"/> where a sender leaves the server's Retry-After as a <see cref="TimeSpan"/>.</summary>
    public const string RetryAfterKey = "Retry-After";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public RetryOptions Options { get; } = options;

    /// <summary>Called before each wait (for logs and tests).</summary>
    public Action<RetryEvent>? OnRetry { get; init; }

    /// <summary>Runs <paramref name="attempt"/>, giving each try its own timeout token.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        var failures = 0;
        var conflicts = 0;
        while (true)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Options.AttemptTimeout);
            TimeSpan delay;
            string reason;
            try
            {
                return await attempt(timeout.Token).ConfigureAwait(false);
            }
            catch (AwsServiceException exception) when (exception.Code == "ResourceConflictException" && conflicts < Options.MaxConflictWaits)
            {
                conflicts++;
                delay = Options.ConflictWait;
                reason = exception.Code;
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken) && failures + 1 < Options.MaxAttempts)
            {
                failures++;
                delay = BackoffDelay(failures, exception.Data[RetryAfterKey] as TimeSpan?);
                reason = exception switch
                {
                    AwsServiceException aws => aws.Code,
                    OperationCanceledException => "timeout",
                    _ => exception.GetType().Name,
                };
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"AWS did not answer within {Options.AttemptTimeout.TotalSeconds:0.#} s, {Options.MaxAttempts} times in a row.", exception);
            }

            OnRetry?.Invoke(new RetryEvent(failures + conflicts, reason, delay));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Full jitter: a random wait up to base × 2^(retry-1), capped; never shorter than Retry-After.</summary>
    public TimeSpan BackoffDelay(int retry, TimeSpan? retryAfter)
    {
        var ceiling = Math.Min(Options.MaxDelay.TotalMilliseconds, Options.BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        var jittered = TimeSpan.FromMilliseconds(ceiling * _random());
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }

    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AwsServiceException aws => aws.Retryable,
        HttpRequestException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}

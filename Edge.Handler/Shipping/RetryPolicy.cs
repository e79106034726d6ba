namespace EdgePortal.Edge.Shipping;

/// <summary>
/// The one retry layer for AWS calls. Throttling, 5xx, network failures and attempt timeouts get exponential
/// backoff with full jitter (at least what Retry-After asks for); everything else is thrown at once. Every attempt
/// and every wait ends by the caller's deadline, so a hung call cannot outlast the step that made it. The HTTP
/// clients send one attempt each and only classify what came back (<see cref="AwsServiceException.Retryable"/>):
/// retrying in both places multiplied the attempts (6 × 6) and let one call take many minutes.
/// ResourceConflictException and a stale ETag are not retried here: waiting for a function and re-reading the
/// distribution are the publisher's decisions.
/// </summary>
public sealed class RetryPolicy(RetryOptions options, TimeProvider? time = null, Func<double>? random = null)
{
    /// <summary>Key in <see cref="Exception.Data"/> where a sender leaves the server's Retry-After as a <see cref="TimeSpan"/>.</summary>
    public const string RetryAfterKey = "Retry-After";

    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Func<double> _random = random ?? Random.Shared.NextDouble;

    public RetryOptions Options { get; } = options;

    /// <summary>
    /// Runs <paramref name="attempt"/>, giving each try its own token that cancels after
    /// <see cref="RetryOptions.AttemptTimeout"/> or at <paramref name="deadline"/>, whichever comes first.
    /// Throws the error itself when it is not worth retrying, and <see cref="RetriesExhaustedException"/> when
    /// it was but the attempts or the time ran out. <paramref name="onRetry"/> hears of each wait before it starts.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> attempt, DateTimeOffset deadline,
        Func<RetryEvent, CancellationToken, Task>? onRetry, CancellationToken cancellationToken)
    {
        Exception? last = null;
        for (var failures = 1; ; failures++)
        {
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw last is null
                    ? new RetriesExhaustedException("the time ran out before it could be", 0, true, new TimeoutException())
                    : new RetriesExhaustedException($"the time ran out after {failures - 1} attempt(s)", failures - 1, true, last);
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Real time on purpose: a hung socket is measured by the wall clock, whatever clock the caller plans with.
            timeout.CancelAfter(left < Options.AttemptTimeout ? left : Options.AttemptTimeout);
            Exception failure;
            try
            {
                return await attempt(timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransient(exception, cancellationToken))
            {
                failure = last = exception;
            }

            var delay = BackoffDelay(failures, failure.Data[RetryAfterKey] as TimeSpan?);
            left = deadline - _time.GetUtcNow();
            if (failures >= Options.MaxAttempts || delay >= left)
            {
                var outOfTime = failures < Options.MaxAttempts;
                var why = outOfTime ? $"the time ran out after {failures} attempt(s)" : $"gave up after {failures} attempts";
                throw new RetriesExhaustedException(why, failures, outOfTime, failure);
            }
            if (onRetry is not null)
            {
                await onRetry(new RetryEvent(failures, Reason(failure), delay, left - delay), cancellationToken).ConfigureAwait(false);
            }
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

    /// <summary>Worth another attempt: what AWS marks retryable, a dropped connection, or a timeout nobody asked for.</summary>
    public static bool IsTransient(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        AwsServiceException aws => aws.Retryable,
        HttpRequestException => true,
        OperationCanceledException or TimeoutException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>A few words for a log line: the AWS code, "no answer in time", or the error's message.</summary>
    public static string Reason(Exception exception) => exception switch
    {
        AwsServiceException aws => $"{aws.Service} answered {aws.Code}",
        OperationCanceledException or TimeoutException => "no answer in time",
        _ => exception.Message,
    };
}

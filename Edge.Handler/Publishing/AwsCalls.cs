using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Runs one AWS call, retrying what is worth retrying (throttling, 5xx, a dropped connection, a timeout)
/// with doubling delays. Every call the publisher retries is safe to repeat: see docs/publishing.md.
/// </summary>
internal sealed class AwsCalls(PublisherOptions options, TimeProvider timeProvider, Func<string, CancellationToken, Task> note)
{
    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception error) when (IsTransient(error, cancellationToken))
            {
                if (attempt >= options.MaxAttempts)
                {
                    var suffix = $" (gave up after {attempt} attempts)";
                    throw error is AwsServiceException aws
                        ? PublishFailedException.From(what, aws, suffix)
                        : new PublishFailedException($"{what} failed: {error.Message}{suffix}", null, error);
                }
                await note($"{what}: {Describe(error)}; trying again ({attempt + 1} of {options.MaxAttempts}).", cancellationToken);
                await Task.Delay(delay, timeProvider, cancellationToken);
                delay = delay * 2 > options.MaxRetryDelay ? options.MaxRetryDelay : delay * 2;
            }
            catch (AwsServiceException error)
            {
                throw PublishFailedException.From(what, error);
            }
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, timeProvider, cancellationToken);

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    private static bool IsTransient(Exception error, CancellationToken cancellationToken) => error switch
    {
        AwsServiceException aws => aws.Retryable || aws.StatusCode >= 500 || IsThrottling(aws.Code),
        HttpRequestException => true,
        // HttpClient reports its own timeout as a cancellation that nobody asked for.
        OperationCanceledException or TimeoutException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static bool IsThrottling(string code)
        => code is "Throttling" or "ThrottlingException" or "TooManyRequestsException" or "RequestLimitExceeded";

    private static string Describe(Exception error) => error switch
    {
        AwsServiceException aws => $"{aws.Service} answered {aws.Code}",
        OperationCanceledException => "no answer in time",
        _ => error.Message,
    };
}

using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Preflight;

/// <summary>
/// How the checks read AWS: through the one retry layer (<see cref="RetryPolicy"/>), bounded by a deadline, like
/// every other call a publish makes (the HTTP clients send one attempt each). A refusal (no such function, access
/// denied) comes back as <see cref="AwsServiceException"/> for the check to turn into a sentence; throttling or 5xx
/// that outlasted the retries, no answer and no credentials become <see cref="PublishFailedException"/> naming the
/// operation, since nothing was learned about the target.
/// </summary>
public sealed class PreflightReads(RetryPolicy retry, DateTimeOffset deadline)
{
    /// <summary>How long Test connection and <c>targets check</c> may take when no publish step sets the deadline.</summary>
    public static readonly TimeSpan StandaloneTimeout = TimeSpan.FromMinutes(1);

    /// <summary>The reads of a check run on its own (Test connection, <c>targets check</c>).</summary>
    public static PreflightReads Standalone(RetryOptions? options = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return new PreflightReads(new RetryPolicy(options ?? new RetryOptions(), time), time.GetUtcNow() + StandaloneTimeout);
    }

    public async Task<T> ReadAsync<T>(string operation, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            return await retry.ExecuteAsync(read, deadline, null, cancellationToken);
        }
        catch (RetriesExhaustedException exhausted)
        {
            throw PublishFailedException.From(operation, exhausted);
        }
        catch (Amazon.Runtime.AmazonClientException error)
        {
            throw new PublishFailedException($"{operation} failed: {error.Message}", null, error);
        }
    }
}

using System.Collections.Concurrent;
using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>
/// The status of a deployment's invalidation, asked of the target's CloudFront (GetInvalidation) since the publish
/// does not wait for it: InProgress until CloudFront says Completed. Completed is final, so it is remembered and
/// never asked again; one still in progress is asked again at most every <see cref="AskEvery"/>, however often the
/// deployments page reads it.
/// </summary>
public sealed class InvalidationStatuses(IShippingClientFactory clients, TimeProvider time, ILogger<InvalidationStatuses> logger)
{
    public const string Completed = "Completed";

    public static readonly TimeSpan AskEvery = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<string, string> _completed = new();
    private readonly ConcurrentDictionary<string, (string Status, DateTimeOffset At)> _recent = new();

    /// <summary>Null when the deployment made no invalidation; a sentence when CloudFront could not be asked.</summary>
    public async Task<string?> StatusAsync(Deployment deployment, CancellationToken cancellationToken = default)
    {
        if (deployment.InvalidationId is not { } id)
        {
            return null;
        }
        if (_completed.TryGetValue(id, out var known))
        {
            return known;
        }
        if (_recent.TryGetValue(id, out var recent) && time.GetUtcNow() - recent.At < AskEvery)
        {
            return recent.Status;
        }
        try
        {
            var target = deployment.Request.Target;
            var status = (await clients.Create(target).CloudFront.GetInvalidationAsync(target.DistributionId, id, cancellationToken)).Status;
            if (status == Completed)
            {
                _completed[id] = status;
                _recent.TryRemove(id, out _);
            }
            else
            {
                _recent[id] = (status, time.GetUtcNow());
            }
            return status;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "GetInvalidation {Id} of deployment {Deployment} failed", id, deployment.Id);
            return $"unknown ({error.Message})";
        }
    }
}

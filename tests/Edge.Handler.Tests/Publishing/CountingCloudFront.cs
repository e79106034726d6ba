using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>Passes calls on and counts the distribution writes that landed, across every publisher that uses it.</summary>
public sealed class CountingCloudFront(ICloudFrontClient inner) : ICloudFrontClient
{
    private int _configWrites;

    public int ConfigWrites => Volatile.Read(ref _configWrites);

    /// <summary>Runs after each successful GetDistributionConfig (a test's out-of-band writer).</summary>
    public Func<DistributionConfigSnapshot, Task>? AfterRead { get; set; }

    public async Task<DistributionConfigSnapshot> GetDistributionConfigAsync(string distributionId, CancellationToken cancellationToken)
    {
        var snapshot = await inner.GetDistributionConfigAsync(distributionId, cancellationToken);
        if (AfterRead is { } afterRead)
        {
            await afterRead(snapshot);
        }
        return snapshot;
    }

    public async Task<string> UpdateDistributionAsync(string distributionId, string distributionConfigXml, string ifMatch, CancellationToken cancellationToken)
    {
        var etag = await inner.UpdateDistributionAsync(distributionId, distributionConfigXml, ifMatch, cancellationToken);
        Interlocked.Increment(ref _configWrites);
        return etag;
    }

    public Task<DistributionStatus> GetDistributionAsync(string distributionId, CancellationToken cancellationToken)
        => inner.GetDistributionAsync(distributionId, cancellationToken);

    public Task<InvalidationStatus> CreateInvalidationAsync(string distributionId, IReadOnlyList<string> paths, string callerReference, CancellationToken cancellationToken)
        => inner.CreateInvalidationAsync(distributionId, paths, callerReference, cancellationToken);

    public Task<InvalidationStatus> GetInvalidationAsync(string distributionId, string invalidationId, CancellationToken cancellationToken)
        => inner.GetInvalidationAsync(distributionId, invalidationId, cancellationToken);

    public Task<CachePolicy> GetCachePolicyAsync(string cachePolicyId, CancellationToken cancellationToken)
        => inner.GetCachePolicyAsync(cachePolicyId, cancellationToken);
}

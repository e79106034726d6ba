namespace EdgePortal.Edge.Local;

/// <summary>Where the local target keeps its state and how it behaves.</summary>
public sealed record LocalTargetOptions
{
    /// <summary>The directory for simulation.json, normally under the portal's data directory.</summary>
    public required string Directory { get; init; }

    /// <summary>How long the distribution stays InProgress after each change, as CloudFront's would.</summary>
    public TimeSpan PropagationDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an invalidation stays InProgress.</summary>
    public TimeSpan InvalidationDelay { get; init; } = TimeSpan.FromSeconds(5);

    public string FunctionName { get; init; } = LocalSeed.FunctionName;

    public string DistributionId { get; init; } = LocalSeed.DistributionId;
}

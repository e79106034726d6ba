namespace EdgePortal.Edge.Simulation;

/// <summary>The account, region and delays the simulation behaves with.</summary>
public sealed record SimulationOptions
{
    public string AccountId { get; init; } = "123456789012";

    /// <summary>Where functions live; Lambda@Edge only accepts us-east-1.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>How long a distribution stays InProgress after an update.</summary>
    public TimeSpan PropagationDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an invalidation stays InProgress.</summary>
    public TimeSpan InvalidationDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a code update stays InProgress (writes in that window get ResourceConflictException).</summary>
    public TimeSpan FunctionUpdateDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a version stays undeletable after its last association is removed (AWS: "typically within a few hours").</summary>
    public TimeSpan ReplicaRetention { get; init; } = TimeSpan.FromHours(3);
}

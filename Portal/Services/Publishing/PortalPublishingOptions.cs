using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>How patient publishing is; <c>EdgePortal:Publishing</c> in configuration, shrunk by tests.</summary>
public sealed record PortalPublishingOptions
{
    public const string SectionName = "EdgePortal:Publishing";

    /// <summary>How long the local distribution stays InProgress after a change.</summary>
    public TimeSpan LocalPropagationDelay { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan LocalInvalidationDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the local target's function and distribution are polled.</summary>
    public TimeSpan LocalPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a queued publish waits before asking again for a target another process holds.</summary>
    public TimeSpan BusyRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a publish waits for the distribution to report Deployed before it records "associated; deployment not confirmed".</summary>
    public TimeSpan DeployedTimeout { get; init; } = new PublisherOptions().DeployedTimeout;

    /// <summary>How long a target's publish lock outlives its holder's step deadline without news (the holder renews it at every save).</summary>
    public TimeSpan LockLease { get; init; } = TimeSpan.FromMinutes(10);

    public PublisherOptions ToPublisherOptions() => new()
    {
        DeployedTimeout = DeployedTimeout,
        LocalDeployedPollInterval = LocalPollInterval,
        FunctionPollInterval = LocalPollInterval < TimeSpan.FromSeconds(2) ? LocalPollInterval : TimeSpan.FromSeconds(2),
    };
}

namespace EdgePortal.Edge.Simulation;

/// <summary>A distribution as GetDistribution answers it.</summary>
public sealed record DistributionView(
    string Id,
    string Arn,
    string Status,
    DateTimeOffset LastModifiedTime,
    int InProgressInvalidationBatches,
    string DomainName,
    string ConfigXml,
    string ETag);

/// <summary>An invalidation as CreateInvalidation and GetInvalidation answer it.</summary>
public sealed record InvalidationView(string Id, string Status, DateTimeOffset CreateTime, string CallerReference, IReadOnlyList<string> Paths);

/// <summary>The outcome of CreateInvalidation: <paramref name="Created"/> is false when the caller reference returned an existing batch.</summary>
public sealed record InvalidationCreated(InvalidationView Invalidation, bool Created);

namespace EdgePortal.Edge.Simulation;

/// <summary>A code package: the zip itself (kept so a local target can run it), its hash and size.</summary>
public sealed record CodeRecord(byte[] ZipFile, string CodeSha256, long CodeSize);

/// <summary>
/// A published, immutable version of a function. <paramref name="ReplicasUntil"/>: when CloudFront will have removed the
/// replicas it made while a distribution ran the version (set when its last association goes); until then it cannot be deleted.
/// </summary>
public sealed record VersionRecord(string Version, CodeRecord Code, string? Description, string RevisionId, DateTimeOffset LastModified,
    DateTimeOffset? ReplicasUntil = null);

/// <summary>A function: its $LATEST code and settings, and its numbered versions in publishing order.</summary>
public sealed record FunctionRecord
{
    public required string Name { get; init; }

    public string Runtime { get; init; } = "nodejs20.x";

    public string Handler { get; init; } = "index.handler";

    public required string Role { get; init; }

    public string? Description { get; init; }

    public int MemorySize { get; init; } = 128;

    public int Timeout { get; init; } = 5;

    /// <summary>Zip or Image.</summary>
    public string PackageType { get; init; } = "Zip";

    public IReadOnlyList<string> Architectures { get; init; } = ["x86_64"];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Layer version ARNs.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    public IReadOnlyList<string> VpcSubnetIds { get; init; } = [];

    public int EphemeralStorageSize { get; init; } = 512;

    public required CodeRecord Code { get; init; }

    public required string RevisionId { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    /// <summary>While the clock is before this, the last update is InProgress and writes conflict.</summary>
    public DateTimeOffset? UpdateCompletesAt { get; init; }

    public int LastVersionNumber { get; init; }

    public IReadOnlyList<VersionRecord> Versions { get; init; } = [];
}

/// <summary>An invalidation batch and when it completes.</summary>
public sealed record InvalidationRecord(string Id, string CallerReference, IReadOnlyList<string> Paths, DateTimeOffset CreateTime, DateTimeOffset CompletesAt);

/// <summary>A distribution: its whole config as XML, the ETag that guards it, and when the last change is deployed.</summary>
public sealed record DistributionRecord
{
    public required string Id { get; init; }

    public required string ConfigXml { get; init; }

    public required string ETag { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public required DateTimeOffset DeployedAt { get; init; }

    public IReadOnlyList<InvalidationRecord> Invalidations { get; init; } = [];
}

/// <summary>
/// A cache policy: what its cache key holds and how long it caches. Header and query-string behaviours are
/// CloudFront's words (<c>none</c>, <c>whitelist</c>, <c>allExcept</c>, <c>all</c>).
/// </summary>
public sealed record CachePolicyRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Comment { get; init; } = "";

    public long MinTtl { get; init; }

    public long DefaultTtl { get; init; } = 86400;

    public long MaxTtl { get; init; } = 31536000;

    public bool EnableAcceptEncodingGzip { get; init; }

    public bool EnableAcceptEncodingBrotli { get; init; }

    public string HeaderBehavior { get; init; } = "none";

    public IReadOnlyList<string> Headers { get; init; } = [];

    public string CookieBehavior { get; init; } = "none";

    public IReadOnlyList<string> Cookies { get; init; } = [];

    public string QueryStringBehavior { get; init; } = "none";

    public IReadOnlyList<string> QueryStrings { get; init; } = [];

    public DateTimeOffset LastModified { get; init; }
}

/// <summary>An IAM role: its name and the trust policy (JSON) that says who may assume it.</summary>
public sealed record RoleRecord(string Name, string AssumeRolePolicyDocument, DateTimeOffset CreateDate);

/// <summary>Everything the simulation holds, as plain data (written to and read from JSON); snapshots saved before policies and roles existed read as having none.</summary>
public sealed record SimulationSnapshot(
    IReadOnlyList<FunctionRecord> Functions,
    IReadOnlyList<DistributionRecord> Distributions,
    IReadOnlyList<CachePolicyRecord>? CachePolicies = null,
    IReadOnlyList<RoleRecord>? Roles = null);

using EdgePortal.Edge.Shipping;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Simulation;

/// <summary>A function configuration as Lambda answers it (every field the wire carries).</summary>
public sealed record FunctionView
{
    public required string FunctionName { get; init; }

    public required string FunctionArn { get; init; }

    public required string Version { get; init; }

    public required string Runtime { get; init; }

    public required string Role { get; init; }

    public required string Handler { get; init; }

    public required long CodeSize { get; init; }

    public required string CodeSha256 { get; init; }

    public string? Description { get; init; }

    public required int Timeout { get; init; }

    public required int MemorySize { get; init; }

    public required DateTimeOffset LastModified { get; init; }

    public required string RevisionId { get; init; }

    public string State { get; init; } = "Active";

    public string LastUpdateStatus { get; init; } = "Successful";

    public string PackageType { get; init; } = "Zip";

    public EquatableArray<string> Architectures { get; init; } = ["x86_64"];

    /// <summary>Environment variables by name, in name order.</summary>
    public EquatableArray<KeyValuePair<string, string>> Environment { get; init; } = [];

    public EquatableArray<string> Layers { get; init; } = [];

    public EquatableArray<string> VpcSubnetIds { get; init; } = [];

    public int EphemeralStorageSize { get; init; } = 512;

    public FunctionConfiguration ToConfiguration() => new()
    {
        FunctionName = FunctionName,
        FunctionArn = FunctionArn,
        Version = Version,
        CodeSha256 = CodeSha256,
        CodeSize = CodeSize,
        Description = Description,
        State = State,
        LastUpdateStatus = LastUpdateStatus,
        RevisionId = RevisionId,
        Runtime = Runtime,
        Role = Role,
        Handler = Handler,
        Timeout = Timeout,
        MemorySize = MemorySize,
        PackageType = PackageType,
        Architectures = [.. Architectures],
        EnvironmentVariables = [.. Environment.Select(v => v.Key)],
        Layers = [.. Layers],
        VpcSubnetIds = [.. VpcSubnetIds],
        EphemeralStorageSize = EphemeralStorageSize,
    };
}

/// <summary>One page of ListVersionsByFunction.</summary>
public sealed record FunctionVersionPage(IReadOnlyList<FunctionView> Versions, string? NextMarker);

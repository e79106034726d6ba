using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Shipping;

/// <summary>
/// The Lambda operations publishing needs, and no more. Implemented over HTTP on AWSSDK.Core's SigV4
/// signing (AWSSDK.Lambda is not served here) and by the local target; switching to the official
/// client later is one adapter.
/// </summary>
public interface ILambdaClient
{
    /// <summary>GetFunctionConfiguration; <paramref name="qualifier"/> null means $LATEST.</summary>
    Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>UpdateFunctionCode with a zip (not published).</summary>
    Task<FunctionConfiguration> UpdateFunctionCodeAsync(string functionName, byte[] zipFile, string? revisionId, CancellationToken cancellationToken);

    /// <summary>PublishVersion, only if $LATEST's code has <paramref name="codeSha256"/>.</summary>
    Task<FunctionConfiguration> PublishVersionAsync(string functionName, string codeSha256, string? description, string? revisionId, CancellationToken cancellationToken);

    /// <summary>ListVersionsByFunction, every page.</summary>
    Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, CancellationToken cancellationToken);

    /// <summary>DeleteFunction with a Qualifier: deletes one numbered version. Lambda refuses a version CloudFront still has replicas of.</summary>
    Task DeleteFunctionAsync(string functionName, string qualifier, CancellationToken cancellationToken);
}

/// <summary>The parts of a Lambda FunctionConfiguration that publishing and the preflight checks read.</summary>
public sealed record FunctionConfiguration
{
    public required string FunctionName { get; init; }

    /// <summary>The ARN; qualified (ends in <c>:N</c>) for a published version.</summary>
    public required string FunctionArn { get; init; }

    /// <summary><c>$LATEST</c> or a version number.</summary>
    public required string Version { get; init; }

    /// <summary>Base64 of the raw SHA-256 of the zip.</summary>
    public required string CodeSha256 { get; init; }

    public long CodeSize { get; init; }

    public string? Description { get; init; }

    /// <summary>Pending, Active, Inactive or Failed; null when Lambda's answer did not say (then it is not ready).</summary>
    public string? State { get; init; }

    /// <summary>Why the State is what it is, when Lambda says.</summary>
    public string? StateReason { get; init; }

    /// <summary>Successful, Failed or InProgress; null when Lambda's answer did not say (then it is not ready).</summary>
    public string? LastUpdateStatus { get; init; }

    /// <summary>Why the last update failed, when it did and Lambda says.</summary>
    public string? LastUpdateStatusReason { get; init; }

    public string RevisionId { get; init; } = "";

    /// <summary>nodejs22.x, python3.13, ...; null for a container image.</summary>
    public string? Runtime { get; init; }

    /// <summary>The execution role's ARN.</summary>
    public string? Role { get; init; }

    /// <summary>file.export, e.g. <c>index.handler</c>.</summary>
    public string? Handler { get; init; }

    /// <summary>Seconds.</summary>
    public int Timeout { get; init; } = 3;

    /// <summary>Megabytes.</summary>
    public int MemorySize { get; init; } = 128;

    /// <summary>Zip or Image.</summary>
    public string PackageType { get; init; } = "Zip";

    /// <summary>x86_64 or arm64 (Lambda answers one).</summary>
    public EquatableArray<string> Architectures { get; init; } = ["x86_64"];

    /// <summary>Names of the function's environment variables (their values are not kept).</summary>
    public EquatableArray<string> EnvironmentVariables { get; init; } = [];

    /// <summary>ARNs of the layers the function uses.</summary>
    public EquatableArray<string> Layers { get; init; } = [];

    /// <summary>Subnets of the VPC the function is attached to; empty when it is not.</summary>
    public EquatableArray<string> VpcSubnetIds { get; init; } = [];

    /// <summary>Size of /tmp in MB.</summary>
    public int EphemeralStorageSize { get; init; } = 512;

    /// <summary>Ready to be associated or published from: Active with a Successful last update, nothing less (fail closed).</summary>
    public bool IsReady => State == "Active" && LastUpdateStatus == "Successful";
}

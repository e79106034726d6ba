using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>The JSON bodies of the Lambda operations, member names exactly as the service model spells them.</summary>
internal static class LambdaJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record UpdateFunctionCodeRequest(byte[] ZipFile, string? RevisionId);

    public sealed record PublishVersionRequest(string? CodeSha256, string? Description, string? RevisionId);

    public sealed record FunctionConfigurationBody
    {
        public string? FunctionName { get; init; }

        public string? FunctionArn { get; init; }

        public string? Version { get; init; }

        public string? CodeSha256 { get; init; }

        public long CodeSize { get; init; }

        public string? Description { get; init; }

        public string? State { get; init; }

        public string? LastUpdateStatus { get; init; }

        public string? RevisionId { get; init; }

        public string? Runtime { get; init; }

        public string? Role { get; init; }

        public string? Handler { get; init; }

        public int? Timeout { get; init; }

        public int? MemorySize { get; init; }

        public string? PackageType { get; init; }

        public IReadOnlyList<string>? Architectures { get; init; }

        public EnvironmentBody? Environment { get; init; }

        public IReadOnlyList<LayerBody>? Layers { get; init; }

        public VpcConfigBody? VpcConfig { get; init; }

        public EphemeralStorageBody? EphemeralStorage { get; init; }

        public FunctionConfiguration ToConfiguration() => new()
        {
            FunctionName = FunctionName ?? throw Missing(nameof(FunctionName)),
            FunctionArn = FunctionArn ?? throw Missing(nameof(FunctionArn)),
            Version = Version ?? throw Missing(nameof(Version)),
            CodeSha256 = CodeSha256 ?? throw Missing(nameof(CodeSha256)),
            CodeSize = CodeSize,
            Description = Description,
            State = State ?? "Active",
            LastUpdateStatus = LastUpdateStatus ?? "Successful",
            RevisionId = RevisionId ?? "",
            Runtime = Runtime,
            Role = Role,
            Handler = Handler,
            Timeout = Timeout ?? 3,
            MemorySize = MemorySize ?? 128,
            PackageType = PackageType ?? "Zip",
            Architectures = Architectures is { Count: > 0 } architectures ? [.. architectures] : ["x86_64"],
            EnvironmentVariables = [.. (Environment?.Variables?.Keys ?? []).Order(StringComparer.Ordinal)],
            Layers = [.. (Layers ?? []).Select(l => l.Arn ?? "")],
            VpcSubnetIds = [.. VpcConfig?.SubnetIds ?? []],
            EphemeralStorageSize = EphemeralStorage?.Size ?? 512,
        };
    }

    public sealed record EnvironmentBody(IReadOnlyDictionary<string, string>? Variables);

    public sealed record LayerBody(string? Arn, long CodeSize);

    public sealed record VpcConfigBody(IReadOnlyList<string>? SubnetIds, IReadOnlyList<string>? SecurityGroupIds, string? VpcId);

    public sealed record EphemeralStorageBody(int Size);

    public sealed record VersionsPage(IReadOnlyList<FunctionConfigurationBody>? Versions, string? NextMarker);

    public static T Read<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidDataException($"Lambda answered an empty {typeof(T).Name}.");

    private static InvalidDataException Missing(string member) => new($"Lambda's answer has no {member}.");
}

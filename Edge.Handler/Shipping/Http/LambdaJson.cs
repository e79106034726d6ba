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

        public string? StateReason { get; init; }

        public string? LastUpdateStatus { get; init; }

        public string? LastUpdateStatusReason { get; init; }

        public string? RevisionId { get; init; }

        public FunctionConfiguration ToConfiguration() => new()
        {
            FunctionName = FunctionName ?? throw Missing(nameof(FunctionName)),
            FunctionArn = FunctionArn ?? throw Missing(nameof(FunctionArn)),
            Version = Version ?? throw Missing(nameof(Version)),
            CodeSha256 = CodeSha256 ?? throw Missing(nameof(CodeSha256)),
            CodeSize = CodeSize,
            Description = Description,
            // Absent stays absent: a missing State is not "Active" (readiness fails closed).
            State = State,
            StateReason = StateReason,
            LastUpdateStatus = LastUpdateStatus,
            LastUpdateStatusReason = LastUpdateStatusReason,
            RevisionId = RevisionId ?? "",
        };
    }

    public sealed record VersionsPage(IReadOnlyList<FunctionConfigurationBody>? Versions, string? NextMarker);

    public static T Read<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Options) ?? throw new InvalidDataException($"Lambda answered an empty {typeof(T).Name}.");

    private static InvalidDataException Missing(string member) => new($"Lambda's answer has no {member}.");
}

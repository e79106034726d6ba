using System.Text.Json;

namespace EdgePortal.Edge.Shipping;

/// <summary>Reads an IAM trust policy (AssumeRolePolicyDocument) far enough to say which services may assume the role.</summary>
public static class TrustPolicy
{
    public const string Lambda = "lambda.amazonaws.com";

    public const string EdgeLambda = "edgelambda.amazonaws.com";

    /// <summary>
    /// True when an Allow statement without conditions lets <paramref name="service"/> call sts:AssumeRole.
    /// A statement with a Condition is not counted: whether it holds for CloudFront's replication cannot be told here.
    /// </summary>
    public static bool Allows(string policyJson, string service)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(policyJson);
        }
        catch (JsonException)
        {
            return false;
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out var statements))
            {
                return false;
            }
            var list = statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToList() : [statements];
            return list.Any(s => s.ValueKind == JsonValueKind.Object
                && Text(s, "Effect") == "Allow"
                && !s.TryGetProperty("Condition", out _)
                && Values(s, "Action").Any(a => a is "sts:AssumeRole" or "sts:*" or "*")
                && s.TryGetProperty("Principal", out var principal)
                && principal.ValueKind == JsonValueKind.Object
                && Values(principal, "Service").Contains(service, StringComparer.Ordinal));
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<string> Values(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? []
        : value.ValueKind == JsonValueKind.String ? [value.GetString()!]
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
        : [];
}

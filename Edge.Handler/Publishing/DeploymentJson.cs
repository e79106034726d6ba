using System.Text.Json;
using System.Text.Json.Serialization;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// How a deployment is written as JSON: enums by name, arrays as arrays. One set of options, so that the file
/// store, the portal's database store and its import of old files read each other's output.
/// </summary>
public static class DeploymentJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(), new EquatableArrayJsonConverter() },
    };
}

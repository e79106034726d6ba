using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgePortal.Portal.Cli.Rules;

/// <summary>
/// JSON output of the rules verbs: two-space indentation, "\n" line ends, a final newline, non-ASCII text
/// as is, properties in the order each writer chooses (stable, so golden files and scripts can rely on it).
/// </summary>
internal static class CommandJson
{
    private static readonly JsonWriterOptions _options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, _options))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes a property whose value is already JSON text (a literal field value), or null.</summary>
    public static void WriteRaw(this Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(json);
        }
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>An enum value the way the document spells such names (<c>originRequest</c> → camelCase).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

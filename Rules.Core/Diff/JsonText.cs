using System.Text.Encodings.Web;
using System.Text.Json;
using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Diff;

/// <summary>Literal field values as compact JSON text, the way the document spells them.</summary>
internal static class JsonText
{
    // Readable in a review: "ü" and "&" stay as they are instead of \u escapes.
    private static readonly JsonSerializerOptions _options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string? Of(string? value) => value is null ? null : JsonSerializer.Serialize(value, _options);

    public static string? Of(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string? Of(bool? value) => value switch { null => null, true => "true", false => "false" };

    public static string? Of(EquatableArray<string> values, bool absentWhenEmpty = true) =>
        values.IsEmpty && absentWhenEmpty ? null : JsonSerializer.Serialize(values.Items, _options);

    public static string? Of<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is null ? null : Of(Name(value.Value));

    /// <summary>The JSON spelling of an enum value (<c>allow</c>, <c>override</c>).</summary>
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

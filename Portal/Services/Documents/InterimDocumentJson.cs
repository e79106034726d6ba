using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Services.Documents;

/// <summary>
/// Stand-in for <c>RulesDocumentJson</c> until branch <c>json</c> lands: reads and writes the
/// document's shape with System.Text.Json and checks only the schema. Remove when the real one is on main.
/// </summary>
internal static class InterimDocumentJson
{
    private static readonly JsonSerializerOptions _options = CreateOptions();

    public static DocumentReadResult Read(string json)
    {
        try
        {
            var document = JsonSerializer.Deserialize<RulesDocument>(json, _options);
            if (document is null)
            {
                return new(null, [new Problem("", "The document must be a JSON object.")]);
            }
            return new(document, Validate(document));
        }
        catch (JsonException ex)
        {
            return new(null, [new Problem(ex.Path?.TrimStart('$').Replace('.', '/') ?? "", ex.Message)]);
        }
    }

    public static string Write(RulesDocument document) =>
        JsonSerializer.Serialize(document, _options).ReplaceLineEndings("\n") + "\n";

    public static IReadOnlyList<Problem> Validate(RulesDocument document) =>
        document.Schema == RulesDocument.SchemaV1
            ? []
            : [new Problem("/schema", $"schema must be \"{RulesDocument.SchemaV1}\".")];

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            IgnoreReadOnlyProperties = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            WriteIndented = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyLists } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new EquatableArrayConverterFactory());
        return options;
    }

    private static void OmitEmptyLists(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType.IsGenericType && property.PropertyType.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            {
                property.ShouldSerialize = (_, value) => value is System.Collections.IEnumerable items && items.GetEnumerator().MoveNext();
            }
        }
    }

    private sealed class EquatableArrayConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(EquatableArrayConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class EquatableArrayConverter<T> : JsonConverter<EquatableArray<T>>
    {
        public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<List<T>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Items.AsEnumerable(), options);
    }
}

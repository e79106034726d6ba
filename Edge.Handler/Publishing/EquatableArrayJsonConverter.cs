using System.Text.Json;
using System.Text.Json.Serialization;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Publishing;

/// <summary>Reads and writes <see cref="EquatableArray{T}"/> as a plain JSON array (System.Text.Json cannot build one by itself).</summary>
internal sealed class EquatableArrayJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableArray<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<EquatableArray<T>>
    {
        public override EquatableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => new(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableArray<T> value, JsonSerializerOptions options)
            => JsonSerializer.Serialize(writer, value.Items.ToArray(), options);
    }
}

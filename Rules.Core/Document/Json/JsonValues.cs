using System.Text.Json;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Document.Json;

/// <summary>Small helpers over <see cref="JsonElement"/> values.</summary>
internal static class JsonValues
{
    /// <summary>Names a JSON value in a message: "a string \"x\"", "1.5", "null", "an object".</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "the string " + ValueText.Quote(TryGetString(value) ?? ""),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null (leave the property out instead)",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "nothing",
    };

    /// <summary>The string, or null with a problem when it holds an escaped lone surrogate (not text).</summary>
    public static string? ReadString(JsonElement value, string pointer, List<Problem> problems)
    {
        var text = TryGetString(value);
        if (text is null)
        {
            problems.Add(new Problem(pointer, "the string is not valid text: it holds an escaped lone surrogate (\\uD800 to \\uDFFF)"));
        }
        return text;
    }

    private static string? TryGetString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}

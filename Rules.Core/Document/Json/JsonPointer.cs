namespace EdgePortal.Rules.Document.Json;

/// <summary>RFC 6901 JSON pointers, built one segment at a time.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string property) =>
        pointer + "/" + property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The unescaped segments of a pointer; the empty pointer (the whole document) has none.</summary>
    public static IReadOnlyList<string> Segments(string pointer) =>
        pointer.Length == 0
            ? []
            : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>True when <paramref name="pointer"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsAtOrUnder(string pointer, string ancestor) =>
        pointer == ancestor || pointer.StartsWith(ancestor + "/", StringComparison.Ordinal);
}

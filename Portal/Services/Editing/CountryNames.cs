namespace EdgePortal.Portal.Services.Editing;

/// <summary>Country names, regions and lookups for the pickers.</summary>
public static class CountryNames
{
    public static IEnumerable<string> Regions => [];

    public static IReadOnlyList<string> Region(string name) => [];

    public static string? NameOf(string code) => null;

    /// <summary>The code for a typed entry: a code in any case, or a country's name.</summary>
    public static string? Resolve(string entry)
    {
        var code = entry.Trim().ToUpperInvariant();
        return code.Length == 2 && code.All(char.IsAsciiLetterUpper) ? code : null;
    }
}

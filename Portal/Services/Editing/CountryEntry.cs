using EdgePortal.Rules.Countries;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>What a pasted country list ("DE, AT, CH", one per line, or names) turned into.</summary>
public sealed record CountryEntryResult(IReadOnlyList<string> Codes, IReadOnlyList<string> Unknown);

/// <summary>Reads what an operator types or pastes into a country picker.</summary>
public static class CountryEntry
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', '\t'];

    /// <summary>
    /// Splits on commas, semicolons and line breaks (and on spaces when every word is a two-letter code),
    /// reads each entry as a code in any case or a country's name, and keeps the order, without duplicates.
    /// </summary>
    public static CountryEntryResult Parse(string text)
    {
        var entries = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        // "DE AT CH" is a list of codes, "United Kingdom" is one name.
        if (entries.Count == 1 && entries[0].Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words
            && words.All(w => w.Length == 2))
        {
            entries = [.. words];
        }
        var codes = new List<string>();
        var unknown = new List<string>();
        foreach (var entry in entries)
        {
            if (Resolve(entry) is { } code)
            {
                if (!codes.Contains(code))
                {
                    codes.Add(code);
                }
            }
            else
            {
                unknown.Add(entry);
            }
        }
        return new CountryEntryResult(codes, unknown);
    }

    /// <summary>The assigned code for "de", "DE" or "Germany"; null when it is none of those.</summary>
    public static string? Resolve(string entry)
    {
        var code = entry.Trim().ToUpperInvariant();
        if (code.Length == 2 && CountryCatalog.IsAssigned(code))
        {
            return code;
        }
        return CountryCatalog.All.FirstOrDefault(c => string.Equals(c.Name, entry.Trim(), StringComparison.OrdinalIgnoreCase))?.Code;
    }

    /// <summary>Countries whose code or name contains the text, codes first, for the search box.</summary>
    public static IEnumerable<Country> Search(string? text)
    {
        var needle = text?.Trim() ?? "";
        if (needle.Length == 0)
        {
            return CountryCatalog.All;
        }
        return CountryCatalog.All
            .Where(c => c.Code.Equals(needle, StringComparison.OrdinalIgnoreCase) || c.Name.Contains(needle, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.Code.Equals(needle, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }
}

namespace EdgePortal.Portal.Services.Editing;

/// <summary>What a pasted country list ("DE, AT, CH", one per line, or names) turned into.</summary>
public sealed record CountryEntryResult(IReadOnlyList<string> Codes, IReadOnlyList<string> Unknown);

/// <summary>Reads what an operator types or pastes into a country picker.</summary>
public static class CountryEntry
{
    private static readonly char[] Separators = [',', ';', '\n', '\r', '\t'];

    /// <summary>
    /// Splits on commas, semicolons and line breaks (and on spaces when every word is a two-letter code),
    /// resolves each entry to a code with <paramref name="resolve"/> and keeps the order, without duplicates.
    /// </summary>
    public static CountryEntryResult Parse(string text, Func<string, string?> resolve)
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
            if (resolve(entry) is { } code)
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
}

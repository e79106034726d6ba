using EdgePortal.Rules.Countries;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Document.Json;

namespace EdgePortal.Rules.Validation;

/// <summary>Checks a list of country codes: upper-case, officially assigned ISO 3166-1 alpha-2, no duplicates.</summary>
internal static class CountryChecks
{
    // Codes people write by habit that ISO assigned to no one (or to someone else).
    private static readonly Dictionary<string, string> _hints = new(StringComparer.Ordinal)
    {
        ["UK"] = "the United Kingdom is \"GB\"",
        ["EL"] = "Greece is \"GR\"",
        ["XK"] = "Kosovo has no officially assigned code",
        ["EU"] = "list the member states; the portal's region picker adds them all",
    };

    public static void Check(EquatableArray<string> countries, string pointer, List<Problem> problems)
    {
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < countries.Count; i++)
        {
            var code = countries[i] ?? "";
            var at = JsonPointer.Append(pointer, i);
            var message = ProblemWith(code);
            if (message is not null)
            {
                problems.Add(new Problem(at, message));
            }
            else if (!firstAt.TryAdd(code, i))
            {
                problems.Add(new Problem(at, $"\"{code}\" is listed more than once (first at {JsonPointer.Append(pointer, firstAt[code])}); list each country once"));
            }
        }
    }

    private static string? ProblemWith(string code)
    {
        if (code.Length == 0)
        {
            return "a country code must not be empty: write two upper-case letters such as \"DE\"";
        }
        if (code.Length != 2 || !code.All(char.IsAsciiLetter))
        {
            return $"{ValueText.Quote(code)} is not a country code: write the ISO 3166-1 alpha-2 code, two upper-case letters such as \"DE\"";
        }
        var upper = code.ToUpperInvariant();
        if (code != upper && CountryCatalog.IsAssigned(upper))
        {
            return $"{ValueText.Quote(code)} must be upper case: \"{upper}\"";
        }
        if (!CountryCatalog.IsAssigned(code))
        {
            var hint = _hints.TryGetValue(upper, out var text) ? $" ({text})" : "";
            return $"{ValueText.Quote(code)} is not an assigned ISO 3166-1 alpha-2 country code{hint}";
        }
        return null;
    }
}

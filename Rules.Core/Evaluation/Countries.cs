using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Evaluation;

/// <summary>How the evaluator reads and compares countries (the handler does the same).</summary>
public static class ViewerCountry
{
    /// <summary>
    /// The country as the rules see it: <c>a</c>-<c>z</c> upper-cased and nothing else (the handler does
    /// exactly the same; culture-aware upper-casing would turn <c>ſ</c> into <c>S</c>), or null when the
    /// header is absent or empty.
    /// </summary>
    public static string? Normalize(string? headerValue) =>
        string.IsNullOrEmpty(headerValue) ? null : string.Create(headerValue.Length, headerValue, static (span, value) =>
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                span[i] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
            }
        });

    /// <summary>True when the list names the country.</summary>
    public static bool IsListed(EquatableArray<string> countries, string country)
    {
        foreach (var listed in countries)
        {
            if (string.Equals(listed, country, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A redirect or origin rule applies to every country when its list is empty, else only to listed ones.</summary>
    public static bool Applies(ICountryRule rule, string? country) =>
        rule.Countries.IsEmpty || (country is not null && IsListed(rule.Countries, country));

    /// <summary>For a sentence: "[US, CA]" or "every country".</summary>
    public static string Describe(EquatableArray<string> countries) =>
        countries.IsEmpty ? "every country" : $"[{string.Join(", ", countries)}]";
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>A rule with its position in its section (0-based); the position is its precedence.</summary>
public sealed record IndexedRule(int Index, IRule Rule)
{
    /// <summary>Precedence as shown to people: 1 is consulted first.</summary>
    public int Precedence => Index + 1;
}

/// <summary>
/// Search over one section, done on the server so that a 10,000-rule catalogue sends only
/// the visible page to the browser.
/// </summary>
public static class RuleQuery
{
    /// <summary>
    /// Rules whose id, path or description contain <paramref name="text"/> (case-insensitive), and,
    /// when <paramref name="country"/> is given, whose countries contain it.
    /// </summary>
    public static IReadOnlyList<IndexedRule> Search(IReadOnlyList<IRule> rules, string? text, string? country = null)
    {
        var needle = text?.Trim() ?? "";
        var code = country?.Trim().ToUpperInvariant() ?? "";
        var found = new List<IndexedRule>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (needle.Length > 0 && !Contains(rule, needle))
            {
                continue;
            }
            if (code.Length > 0 && !(rule is ICountryRule cr && cr.Countries.Items.Contains(code)))
            {
                continue;
            }
            found.Add(new IndexedRule(i, rule));
        }
        return found;
    }

    private static bool Contains(IRule rule, string needle) =>
        rule.Id.Contains(needle, StringComparison.OrdinalIgnoreCase)
        || rule.Path.Contains(needle, StringComparison.OrdinalIgnoreCase)
        || (rule.Description?.Contains(needle, StringComparison.OrdinalIgnoreCase) ?? false)
        || RuleSummary.Describe(rule).Contains(needle, StringComparison.OrdinalIgnoreCase);
}

namespace EdgePortal.Rules.Document;

/// <summary>The sections of the document that hold rules, named as in the JSON.</summary>
public enum RuleSection
{
    Access,
    Redirects,
    Origins,
    Cache,
}

/// <summary>Names and lookups shared by every consumer of sections.</summary>
public static class RuleSections
{
    /// <summary>The JSON name of the section (<c>access</c>, <c>redirects</c>, <c>origins</c>, <c>cache</c>).</summary>
    public static string JsonName(this RuleSection section) => section switch
    {
        RuleSection.Access => "access",
        RuleSection.Redirects => "redirects",
        RuleSection.Origins => "origins",
        RuleSection.Cache => "cache",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    /// <summary>The singular word people use for a rule of that section ("redirect").</summary>
    public static string RuleNoun(this RuleSection section) => section switch
    {
        RuleSection.Access => "access rule",
        RuleSection.Redirects => "redirect",
        RuleSection.Origins => "origin rule",
        RuleSection.Cache => "cache rule",
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    /// <summary>The rules of one section, in precedence order.</summary>
    public static IReadOnlyList<IRule> RulesOf(this RulesDocument document, RuleSection section) => section switch
    {
        RuleSection.Access => [.. document.Access],
        RuleSection.Redirects => [.. document.Redirects],
        RuleSection.Origins => [.. document.Origins],
        RuleSection.Cache => [.. document.Cache],
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };
}

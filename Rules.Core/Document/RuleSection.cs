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
    /// <summary>Every rule section, in the order the document lists them.</summary>
    public static IReadOnlyList<RuleSection> All { get; } = [RuleSection.Access, RuleSection.Redirects, RuleSection.Origins, RuleSection.Cache];

    /// <summary>The JSON name of the section (<c>access</c>, <c>redirects</c>, <c>origins</c>, <c>cache</c>).</summary>
    public static string JsonName(this RuleSection section) => SectionSlot.Of(section).JsonName;

    /// <summary>The singular word people use for a rule of that section ("redirect").</summary>
    public static string RuleNoun(this RuleSection section) => SectionSlot.Of(section).RuleNoun;

    /// <summary>The section a JSON name (<c>redirects</c>) stands for, or null when it names none.</summary>
    public static RuleSection? FromJsonName(string name) =>
        All.Where(s => s.JsonName() == name).Select(s => (RuleSection?)s).FirstOrDefault();
}

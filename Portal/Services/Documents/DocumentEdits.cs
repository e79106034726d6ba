using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Documents;

/// <summary>
/// One-rule changes to a document, returning a new document. Bad indexes or a rule of the wrong
/// type for the section throw <see cref="ArgumentException"/> with a message for the user.
/// </summary>
public static class DocumentEdits
{
    public static RulesDocument ReplaceRule(RulesDocument document, RuleSection section, int index, IRule rule) =>
        Change(document, section, rule, list =>
        {
            CheckIndex(section, index, list.Count);
            list[index] = rule;
        });

    public static RulesDocument InsertRule(RulesDocument document, RuleSection section, IRule rule, int? index = null) =>
        Change(document, section, rule, list =>
        {
            var at = index ?? list.Count;
            CheckIndex(section, at, list.Count + 1);
            list.Insert(at, rule);
        });

    public static RulesDocument RemoveRule(RulesDocument document, RuleSection section, int index) =>
        Change(document, section, null, list =>
        {
            CheckIndex(section, index, list.Count);
            list.RemoveAt(index);
        });

    public static RulesDocument MoveRule(RulesDocument document, RuleSection section, int fromIndex, int toIndex) =>
        Change(document, section, null, list =>
        {
            CheckIndex(section, fromIndex, list.Count);
            CheckIndex(section, toIndex, list.Count);
            var rule = list[fromIndex];
            list.RemoveAt(fromIndex);
            list.Insert(toIndex, rule);
        });

    private static RulesDocument Change(RulesDocument document, RuleSection section, IRule? rule, Action<List<IRule>> change)
    {
        if (rule is not null && !Fits(section, rule))
        {
            throw new ArgumentException($"A {rule.GetType().Name} does not belong in {section.JsonName()}; expected a {section.RuleNoun()}.", nameof(rule));
        }
        var list = document.RulesOf(section).ToList();
        change(list);
        return section switch
        {
            RuleSection.Access => document with { Access = [.. list.Cast<AccessRule>()] },
            RuleSection.Redirects => document with { Redirects = [.. list.Cast<RedirectRule>()] },
            RuleSection.Origins => document with { Origins = [.. list.Cast<OriginRule>()] },
            RuleSection.Cache => document with { Cache = [.. list.Cast<CacheRule>()] },
            _ => throw new ArgumentOutOfRangeException(nameof(section)),
        };
    }

    private static bool Fits(RuleSection section, IRule rule) => section switch
    {
        RuleSection.Access => rule is AccessRule,
        RuleSection.Redirects => rule is RedirectRule,
        RuleSection.Origins => rule is OriginRule,
        RuleSection.Cache => rule is CacheRule,
        _ => false,
    };

    private static void CheckIndex(RuleSection section, int index, int count)
    {
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index,
                $"There is no {section.RuleNoun()} number {index + 1} in {section.JsonName()} (it has {count}); reload the draft.");
        }
    }
}

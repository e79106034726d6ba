using System.Collections;
using System.Collections.Immutable;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Services.Editing;

/// <summary>
/// A section's rules seen as <see cref="IRule"/> without copying them: on a 10,000-rule draft every
/// render asks for counts and a page of rules, and a copy per question adds up.
/// </summary>
public sealed class SectionRules : IReadOnlyList<IRule>
{
    private readonly Func<int, IRule> _at;

    private SectionRules(int count, Func<int, IRule> at)
    {
        Count = count;
        _at = at;
    }

    public int Count { get; }

    public IRule this[int index] => _at(index);

    public static SectionRules Of(RulesDocument document, RuleSection section) => section switch
    {
        RuleSection.Access => View(document.Access.Items),
        RuleSection.Redirects => View(document.Redirects.Items),
        RuleSection.Origins => View(document.Origins.Items),
        RuleSection.Cache => View(document.Cache.Items),
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    /// <summary>The number of rules in the section, without building anything.</summary>
    public static int CountOf(RulesDocument document, RuleSection section) => section switch
    {
        RuleSection.Access => document.Access.Count,
        RuleSection.Redirects => document.Redirects.Count,
        RuleSection.Origins => document.Origins.Count,
        RuleSection.Cache => document.Cache.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(section)),
    };

    public IEnumerator<IRule> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _at(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static SectionRules View<T>(ImmutableArray<T> items) where T : IRule => new(items.Length, i => items[i]);
}

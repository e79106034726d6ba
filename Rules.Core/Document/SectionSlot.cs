using System.Collections.Immutable;

namespace EdgePortal.Rules.Document;

/// <summary>
/// The one place that knows which property of <see cref="RulesDocument"/> holds which section and
/// which rule type belongs there; everything else goes through <see cref="DocumentSections"/>.
/// Index and id checks are the caller's job: a slot only does the copy.
/// </summary>
internal abstract class SectionSlot
{
    private static readonly SectionSlot[] _slots =
    [
        new Slot<AccessRule>(RuleSection.Access, "access", "access rule", d => d.Access, (d, r) => d with { Access = r }),
        new Slot<RedirectRule>(RuleSection.Redirects, "redirects", "redirect", d => d.Redirects, (d, r) => d with { Redirects = r }),
        new Slot<OriginRule>(RuleSection.Origins, "origins", "origin rule", d => d.Origins, (d, r) => d with { Origins = r }),
        new Slot<CacheRule>(RuleSection.Cache, "cache", "cache rule", d => d.Cache, (d, r) => d with { Cache = r }),
    ];

    private SectionSlot(RuleSection section, string jsonName, string ruleNoun)
    {
        Section = section;
        JsonName = jsonName;
        RuleNoun = ruleNoun;
    }

    public RuleSection Section { get; }

    public string JsonName { get; }

    public string RuleNoun { get; }

    public static SectionSlot Of(RuleSection section) =>
        (uint)section < (uint)_slots.Length ? _slots[(int)section] : throw new ArgumentOutOfRangeException(nameof(section), section, "Not a rule section.");

    /// <summary>The section's rules without a copy (the stored array, seen as <see cref="IRule"/>).</summary>
    public abstract IReadOnlyList<IRule> Read(RulesDocument document);

    public abstract RulesDocument With(RulesDocument document, IEnumerable<IRule> rules);

    public abstract RulesDocument Replace(RulesDocument document, int index, IRule rule);

    public abstract RulesDocument Insert(RulesDocument document, int index, IRule rule);

    public abstract RulesDocument Remove(RulesDocument document, int index);

    public abstract RulesDocument Move(RulesDocument document, int from, int to);

    private sealed class Slot<T>(
        RuleSection section, string jsonName, string ruleNoun,
        Func<RulesDocument, EquatableArray<T>> get, Func<RulesDocument, EquatableArray<T>, RulesDocument> set)
        : SectionSlot(section, jsonName, ruleNoun)
        where T : class, IRule
    {
        public override IReadOnlyList<IRule> Read(RulesDocument document) => get(document).Items;

        public override RulesDocument With(RulesDocument document, IEnumerable<IRule> rules) =>
            set(document, new EquatableArray<T>(rules.Select(Fit)));

        // One copy of the array per edit: typing in one rule of a 10,000-rule catalogue stays cheap.
        public override RulesDocument Replace(RulesDocument document, int index, IRule rule) =>
            set(document, get(document).Items.SetItem(index, Fit(rule)));

        public override RulesDocument Insert(RulesDocument document, int index, IRule rule) =>
            set(document, get(document).Items.Insert(index, Fit(rule)));

        public override RulesDocument Remove(RulesDocument document, int index) =>
            set(document, get(document).Items.RemoveAt(index));

        public override RulesDocument Move(RulesDocument document, int from, int to)
        {
            var builder = get(document).Items.ToBuilder();
            var rule = builder[from];
            builder.RemoveAt(from);
            builder.Insert(to, rule);
            return set(document, builder.ToImmutable());
        }

        private T Fit(IRule rule) => rule switch
        {
            null => throw new ArgumentNullException(nameof(rule)),
            T fits => fits,
            _ => throw new ArgumentException(
                $"A {rule.GetType().Name} does not belong in {JsonName}; expected a {RuleNoun}.", nameof(rule)),
        };
    }
}

using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Tests.Generators;
using EdgePortal.Rules.Tests.Invalidation;

namespace EdgePortal.Rules.Tests.Merge;

/// <summary>A base and two change sets made from it independently: random edits, applied in random order.</summary>
internal static class ConcurrentChangeSets
{
    private static readonly Gen<RulesDocument> Base = Gen.Frequency((1, DocumentGenerator.Document), (1, RandomDocuments.Document));

    private static readonly Gen<Edit[]> Edits = RandomEdits.AnyEdit.Array[0, 6];

    public static readonly Gen<(RulesDocument Base, RulesDocument Theirs, RulesDocument Yours)> Any =
        Gen.Select(Base, Edits, Edits).Select((b, theirs, yours) => (b, Apply(b, theirs), Apply(b, yours)));

    /// <summary>As <see cref="Any"/>, and both sides also move a rule of the same section, so that order meets order.</summary>
    public static readonly Gen<(RulesDocument Base, RulesDocument Theirs, RulesDocument Yours)> BothMove =
        Gen.Select(Any, Gen.Enum<RuleSection>(), Gen.Int[0, 9].Array[4]).Select((c, section, at) =>
            (c.Base, RandomEdits.Apply(c.Theirs, Move(section, at[0], at[1])), RandomEdits.Apply(c.Yours, Move(section, at[2], at[3]))));

    /// <summary>Every kind of case, with order changes on both sides often enough to be tried.</summary>
    public static readonly Gen<(RulesDocument Base, RulesDocument Theirs, RulesDocument Yours)> Mixed = Gen.Frequency((3, Any), (1, BothMove));

    /// <summary>Theirs edits only some sections (and maybe geo), yours only the others (and maybe the blocked response).</summary>
    public static readonly Gen<(RulesDocument Base, RulesDocument Theirs, RulesDocument Yours)> Disjoint =
        Gen.Select(Base, Edits, Edits, Gen.Enum<RuleSection>().ArrayUnique[0, 4]).Select((b, theirs, yours, theirSections) =>
            (b,
             Apply(b, theirs.Where(e => e.IsRuleEdit ? theirSections.Contains(e.Section) : e.Kind == EditKind.Geo)),
             Apply(b, yours.Where(e => e.IsRuleEdit ? !theirSections.Contains(e.Section) : e.Kind == EditKind.BlockedResponse))));

    private static Edit Move(RuleSection section, int from, int to) => new(EditKind.Move, section, from, to, new AccessRule(), null, null);

    private static RulesDocument Apply(RulesDocument document, IEnumerable<Edit> edits) => edits.Aggregate(document, RandomEdits.Apply);
}

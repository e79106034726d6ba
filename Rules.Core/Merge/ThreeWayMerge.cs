using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Merge;

/// <summary>
/// Rebases a change set: the changes from <c>base</c> to <c>yours</c> (the change set) are carried onto
/// <c>theirs</c> (live, which has moved since the change set was started). The rules are in
/// <c>docs/decisions/0005-three-way-merge.md</c>: rules are matched by section and id and merged whole,
/// <c>geo</c> and <c>blockedResponse</c> field by field, order as described on the section merge, and
/// whatever both sides changed differently is a <see cref="MergeConflict"/>. Linear in the number of rules.
/// </summary>
public static class ThreeWayMerge
{
    /// <summary>Merges, resolving every conflict to theirs; see <see cref="MergeResult.Resolve"/> for the author's choices.</summary>
    public static MergeResult Merge(RulesDocument @base, RulesDocument theirs, RulesDocument yours)
    {
        ArgumentNullException.ThrowIfNull(@base);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(yours);
        var (merged, conflicts) = Run(@base, theirs, yours, _ => MergeChoice.Theirs);
        return new MergeResult(@base, theirs, yours, merged, conflicts);
    }

    internal static (RulesDocument Merged, IReadOnlyList<MergeConflict> Conflicts) Run(
        RulesDocument @base, RulesDocument theirs, RulesDocument yours, Func<string, MergeChoice> choose)
    {
        var run = new MergeRun(choose);
        var merged = new RulesDocument
        {
            Schema = FieldMerge.Schema(run, @base.Schema, theirs.Schema, yours.Schema),
            Geo = FieldMerge.Geo(run, @base.Geo, theirs.Geo, yours.Geo),
            BlockedResponse = FieldMerge.Blocked(run, @base.BlockedResponse, theirs.BlockedResponse, yours.BlockedResponse),
        };
        foreach (var section in RuleSections.All)
        {
            merged = merged.WithRules(section, SectionMerge.Merge(run, section, @base.Rules(section), theirs.Rules(section), yours.Rules(section)));
        }
        return (merged, run.Conflicts);
    }
}

using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Rules.Tests.Merge;

public sealed class ThreeWayMergePropertyTests
{
    private const int Iterations = 3_000;

    [Fact]
    public void Merge_TheirsIsTheBase_GivesYoursWithoutConflicts() =>
        ConcurrentChangeSets.Mixed.Sample(c => AssertCleanMerge(c.Base, c.Base, c.Yours, c.Yours), iter: Iterations);

    [Fact]
    public void Merge_YoursIsTheBase_GivesTheirsWithoutConflicts() =>
        ConcurrentChangeSets.Mixed.Sample(c => AssertCleanMerge(c.Base, c.Theirs, c.Base, c.Theirs), iter: Iterations);

    [Fact]
    public void Merge_TheSameChangesOnBothSides_GivesThemWithoutConflicts() =>
        ConcurrentChangeSets.Mixed.Sample(c => AssertCleanMerge(c.Base, c.Yours, c.Yours, c.Yours), iter: Iterations);

    [Fact]
    public void Merge_ConcurrentChangeSets_EveryChangeIsMergedOrAConflict()
    {
        var conflicted = 0;
        var clean = 0;
        var orderConflicts = 0;
        ConcurrentChangeSets.Mixed.Sample(c =>
        {
            var result = ThreeWayMerge.Merge(c.Base, c.Theirs, c.Yours);
            var allYours = result.Resolve(result.Conflicts.ToDictionary(x => x.Key, _ => MergeChoice.Yours));
            AssertEveryChangeKept(c.Base, c.Theirs, c.Yours, result.Merged, result);
            AssertEveryChangeKept(c.Base, c.Yours, c.Theirs, result.Merged, result);
            AssertEveryChangeKept(c.Base, c.Yours, c.Theirs, allYours, result);
            AssertEveryChangeKept(c.Base, c.Theirs, c.Yours, allYours, result);
            AssertOtherRulesFollowTheirPredecessor(c.Base, c.Theirs, c.Yours, result.Merged, MergeChoice.Theirs);
            AssertOtherRulesFollowTheirPredecessor(c.Base, c.Theirs, c.Yours, allYours, MergeChoice.Yours);
            Interlocked.Increment(ref result.IsClean ? ref clean : ref conflicted);
            if (result.Conflicts.Any(x => x.Area == MergeArea.Order))
            {
                Interlocked.Increment(ref orderConflicts);
            }
        }, iter: Iterations);
        // No kind of case may be rare, or the property would hold by not being tried.
        Assert.True(conflicted > Iterations / 10 && clean > Iterations / 10 && orderConflicts > Iterations / 100,
            $"conflicted {conflicted}, clean {clean}, with an order conflict {orderConflicts}");
    }

    [Fact]
    public void Merge_ConcurrentChangeSets_ConflictsOnlyWhereBothSidesChangedDifferently() =>
        ConcurrentChangeSets.Mixed.Sample(c =>
        {
            MergeSnapshot b = new(c.Base), t = new(c.Theirs), y = new(c.Yours);
            var result = ThreeWayMerge.Merge(c.Base, c.Theirs, c.Yours);
            Assert.Equal(result.Conflicts.Count, result.Conflicts.Select(x => x.Key).Distinct().Count());
            foreach (var conflict in result.Conflicts)
            {
                if (conflict.Area == MergeArea.Order)
                {
                    var section = conflict.Section!.Value;
                    List<string> bo = MergeSnapshot.CommonOrder(section, b, t, y), to = MergeSnapshot.CommonOrder(section, t, b, y), yo = MergeSnapshot.CommonOrder(section, y, b, t);
                    Assert.False(to.SequenceEqual(bo) || yo.SequenceEqual(bo) || to.SequenceEqual(yo), $"{conflict.Key} is no conflict");
                    continue;
                }
                Assert.Equal(b[conflict.Key], conflict.Base);
                Assert.Equal(t[conflict.Key], conflict.Theirs);
                Assert.Equal(y[conflict.Key], conflict.Yours);
                Assert.False(Equals(conflict.Base, conflict.Theirs) || Equals(conflict.Base, conflict.Yours) || Equals(conflict.Theirs, conflict.Yours),
                    $"{conflict.Key} is no conflict");
            }
        }, iter: Iterations);

    [Fact]
    public void Merge_SidesSwapped_MirrorsTheConflictsAndTheChoices() =>
        ConcurrentChangeSets.Mixed.Sample(c =>
        {
            var forward = ThreeWayMerge.Merge(c.Base, c.Theirs, c.Yours);
            var backward = ThreeWayMerge.Merge(c.Base, c.Yours, c.Theirs);

            Assert.Equal(
                forward.Conflicts.Select(x => x with { Theirs = x.Yours, Yours = x.Theirs }).OrderBy(x => x.Key, StringComparer.Ordinal),
                backward.Conflicts.OrderBy(x => x.Key, StringComparer.Ordinal));
            // Taking "yours" everywhere on the swapped merge takes what the forward merge took: the same content.
            var mirrored = backward.Resolve(backward.Conflicts.ToDictionary(x => x.Key, _ => MergeChoice.Yours));
            Assert.Equal(Content(forward.Merged), Content(mirrored));
        }, iter: Iterations);

    [Fact]
    public void Merge_DisjointChangeSets_ContainsBothWithoutConflicts()
    {
        var both = 0;
        ConcurrentChangeSets.Disjoint.Sample(c =>
        {
            var result = ThreeWayMerge.Merge(c.Base, c.Theirs, c.Yours);
            Assert.Empty(result.Conflicts);
            AssertEveryChangeKept(c.Base, c.Theirs, c.Yours, result.Merged, result);
            AssertEveryChangeKept(c.Base, c.Yours, c.Theirs, result.Merged, result);
            if (!c.Theirs.Equals(c.Base) && !c.Yours.Equals(c.Base))
            {
                Interlocked.Increment(ref both);
            }
        }, iter: Iterations);
        Assert.True(both > Iterations / 10, $"only {both} cases changed both sides");
    }

    private static void AssertCleanMerge(RulesDocument @base, RulesDocument theirs, RulesDocument yours, RulesDocument expected)
    {
        var result = ThreeWayMerge.Merge(@base, theirs, yours);
        Assert.Empty(result.Conflicts);
        Assert.Equal(expected, result.Merged);
    }

    /// <summary>
    /// Every unit <paramref name="sideDocument"/> changed from the base is in <paramref name="merged"/> or is a conflict,
    /// and so is its reordering of the rules the base and both sides hold.
    /// </summary>
    private static void AssertEveryChangeKept(RulesDocument @base, RulesDocument sideDocument, RulesDocument otherDocument, RulesDocument merged, MergeResult result)
    {
        MergeSnapshot b = new(@base), side = new(sideDocument), other = new(otherDocument), m = new(merged);
        var conflicts = result.Conflicts.Select(x => x.Key).ToHashSet();
        foreach (var key in MergeSnapshot.Keys(b, side))
        {
            if (!Equals(side[key], b[key]) && !Equals(m[key], side[key]) && !conflicts.Contains(key))
            {
                Assert.Fail($"{key}: the change to {side[key] ?? "(none)"} is lost; merged has {m[key] ?? "(none)"}");
            }
        }
        foreach (var section in RuleSections.All)
        {
            if (conflicts.Contains($"{section.JsonName()}#order"))
            {
                continue;
            }
            var sideOrder = MergeSnapshot.CommonOrder(section, side, b, other);
            var baseOrder = MergeSnapshot.CommonOrder(section, b, side, other);
            if (!sideOrder.SequenceEqual(baseOrder))
            {
                var mergedOrder = MergeSnapshot.CommonOrder(section, m, b, side, other);
                Assert.True(sideOrder.SequenceEqual(mergedOrder), $"{section.JsonName()}: the side's order [{string.Join(" ", sideOrder)}] is lost, merged has [{string.Join(" ", mergedOrder)}]; " +
                    $"base [{string.Join(" ", b.Order[section])}], side [{string.Join(" ", side.Order[section])}], merged [{string.Join(" ", m.Order[section])}], conflicts {string.Join(" ", conflicts)}");
            }
        }
    }

    /// <summary>
    /// A rule that only the side whose order is not kept holds (new there, or kept by a choice) sits right after
    /// the rule before it on that side, or first. Yours is kept when only yours reordered the shared rules, or
    /// when both did differently and the order conflict was resolved to yours.
    /// </summary>
    private static void AssertOtherRulesFollowTheirPredecessor(RulesDocument @base, RulesDocument theirs, RulesDocument yours, RulesDocument merged, MergeChoice orderChoice)
    {
        MergeSnapshot b = new(@base), t = new(theirs), y = new(yours), m = new(merged);
        foreach (var section in RuleSections.All)
        {
            var common = MergeSnapshot.CommonOrder(section, b, t, y);
            var theirsOrder = MergeSnapshot.CommonOrder(section, t, b, y);
            var yoursOrder = MergeSnapshot.CommonOrder(section, y, b, t);
            var yoursLeads = !yoursOrder.SequenceEqual(common)
                && (theirsOrder.SequenceEqual(common) || (!theirsOrder.SequenceEqual(yoursOrder) && orderChoice == MergeChoice.Yours));
            var (other, leader) = yoursLeads ? (t, y) : (y, t);
            var kept = m.Order[section];
            string? before = null;
            foreach (var key in other.Order[section])
            {
                if (!kept.Contains(key))
                {
                    continue;
                }
                if (!leader.Order[section].Contains(key))
                {
                    var at = kept.IndexOf(key);
                    Assert.True(at == 0 ? before is null : kept[at - 1] == before,
                        $"{section.JsonName()}/{key} should follow {before ?? "nothing"}: {string.Join(" ", kept)}");
                }
                before = key;
            }
        }
    }

    private static string Content(RulesDocument document) =>
        string.Join("\n", new MergeSnapshot(document).Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value}"));
}

using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Rules.Tests.Merge;

public sealed class ThreeWayMergePropertyTests
{
    private const int Iterations = 3_000;

    [Fact]
    public void Merge_TheirsIsTheBase_GivesYoursWithoutConflicts() =>
        ConcurrentChangeSets.Any.Sample(c =>
        {
            var result = ThreeWayMerge.Merge(c.Base, c.Base, c.Yours);
            Assert.Empty(result.Conflicts);
            Assert.Equal(c.Yours, result.Merged);
        }, iter: Iterations);

    [Fact]
    public void Merge_YoursIsTheBase_GivesTheirsWithoutConflicts() =>
        ConcurrentChangeSets.Any.Sample(c =>
        {
            var result = ThreeWayMerge.Merge(c.Base, c.Theirs, c.Base);
            Assert.Empty(result.Conflicts);
            Assert.Equal(c.Theirs, result.Merged);
        }, iter: Iterations);

    [Fact]
    public void Merge_TheSameChangesOnBothSides_GivesThemWithoutConflicts() =>
        ConcurrentChangeSets.Any.Sample(c =>
        {
            var result = ThreeWayMerge.Merge(c.Base, c.Yours, c.Yours);
            Assert.Empty(result.Conflicts);
            Assert.Equal(c.Yours, result.Merged);
        }, iter: Iterations);

    [Fact]
    public void Merge_ConcurrentChangeSets_EveryChangeIsMergedOrAConflict()
    {
        var conflicted = 0;
        var clean = 0;
        var orderConflicts = 0;
        ConcurrentChangeSets.Any.Sample(c =>
        {
            var result = ThreeWayMerge.Merge(c.Base, c.Theirs, c.Yours);
            var allYours = result.Resolve(result.Conflicts.ToDictionary(x => x.Key, _ => MergeChoice.Yours));
            AssertEveryChangeKept(c.Base, c.Theirs, result.Merged, result);
            AssertEveryChangeKept(c.Base, c.Yours, result.Merged, result);
            AssertEveryChangeKept(c.Base, c.Yours, allYours, result);
            AssertEveryChangeKept(c.Base, c.Theirs, allYours, result);
            AssertAddedRulesFollowTheirPredecessor(c.Base, c.Theirs, c.Yours, result.Merged);
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
        ConcurrentChangeSets.Any.Sample(c =>
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
        ConcurrentChangeSets.Any.Sample(c =>
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
            AssertEveryChangeKept(c.Base, c.Theirs, result.Merged, result);
            AssertEveryChangeKept(c.Base, c.Yours, result.Merged, result);
            if (!c.Theirs.Equals(c.Base) && !c.Yours.Equals(c.Base))
            {
                Interlocked.Increment(ref both);
            }
        }, iter: Iterations);
        Assert.True(both > Iterations / 10, $"only {both} cases changed both sides");
    }

    /// <summary>
    /// Every unit <paramref name="sideDocument"/> changed from the base is in <paramref name="merged"/> or is a conflict,
    /// and so is its reordering of the rules the base, that side and the merged document all hold.
    /// </summary>
    private static void AssertEveryChangeKept(RulesDocument @base, RulesDocument sideDocument, RulesDocument merged, MergeResult result)
    {
        MergeSnapshot b = new(@base), side = new(sideDocument), m = new(merged);
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
            var sideOrder = MergeSnapshot.CommonOrder(section, side, b, m);
            var baseOrder = MergeSnapshot.CommonOrder(section, b, side, m);
            if (!sideOrder.SequenceEqual(baseOrder))
            {
                Assert.Equal(sideOrder, MergeSnapshot.CommonOrder(section, m, b, side));
            }
        }
    }

    /// <summary>
    /// A rule added on the side whose order does not lead (yours, unless only yours reordered the shared rules)
    /// sits right after the rule before it on that side, or first.
    /// </summary>
    private static void AssertAddedRulesFollowTheirPredecessor(RulesDocument @base, RulesDocument theirs, RulesDocument yours, RulesDocument merged)
    {
        MergeSnapshot b = new(@base), t = new(theirs), y = new(yours), m = new(merged);
        foreach (var section in RuleSections.All)
        {
            var common = MergeSnapshot.CommonOrder(section, b, t, y);
            var yoursLeads = !MergeSnapshot.CommonOrder(section, y, b, t).SequenceEqual(common)
                && MergeSnapshot.CommonOrder(section, t, b, y).SequenceEqual(common);
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

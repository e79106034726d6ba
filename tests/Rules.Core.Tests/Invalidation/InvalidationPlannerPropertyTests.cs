using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Rules.Tests.Invalidation;

public class InvalidationPlannerPropertyTests
{
    private static readonly Gen<(RulesDocument Old, RulesDocument New)> EditedPairs =
        Gen.Select(RandomDocuments.Document, RandomEdits.AnyEdit.Array[1, 3],
            (doc, edits) => (doc, edits.Aggregate(doc, RandomEdits.Apply)));

    private static readonly Gen<(RulesDocument Old, RulesDocument New)> UnrelatedPairs =
        Gen.Select(RandomDocuments.Document, RandomDocuments.Document);

    [Fact]
    public void Plan_EditedDocuments_CoversEveryUriWhoseAnswerDiffers() =>
        Gen.Select(EditedPairs, RandomDocuments.Request.Array[12])
            .Sample((pair, requests) => AssertSound(pair.Old, pair.New, requests, InvalidationLimits.Default), iter: 3_000);

    [Fact]
    public void Plan_UnrelatedDocuments_CoversEveryUriWhoseAnswerDiffers() =>
        Gen.Select(UnrelatedPairs, RandomDocuments.Request.Array[12])
            .Sample((pair, requests) => AssertSound(pair.Old, pair.New, requests, InvalidationLimits.Default), iter: 2_000);

    [Fact]
    public void Plan_TightLimits_StillCoversEveryUriWhoseAnswerDiffers() =>
        Gen.Select(UnrelatedPairs, RandomDocuments.Request.Array[12], Gen.Int[1, 3], Gen.Int[1, 6], Gen.Bool)
            .Sample((pair, requests, wildcards, paths, queryStrings) =>
                AssertSound(pair.Old, pair.New, requests, new InvalidationLimits(wildcards, paths, queryStrings)), iter: 2_000);

    [Fact]
    public void Plan_SingleRuleEdit_NeverPlansEverythingWhenTheRuleIsNarrower() =>
        Gen.Select(RandomDocuments.Document, RandomEdits.RuleEdit).Sample((doc, edit) =>
        {
            var edited = RandomEdits.Apply(doc, edit);
            var touched = TouchedPatterns(doc, edited, edit.Section);
            var plan = InvalidationPlanner.Plan(doc, edited);
            if (touched.All(p => InvalidationPaths.ForPattern(p) != "/*"))
            {
                Assert.DoesNotContain(plan.Paths, p => p.Path == "/*");
            }
            Assert.False(plan.Coarsened);
        }, iter: 3_000);

    [Fact]
    public void Plan_SameDocument_IsEmpty() =>
        RandomDocuments.Document.Sample(doc =>
        {
            var plan = InvalidationPlanner.Plan(doc, doc with { });
            Assert.True(plan.IsEmpty);
            Assert.Equal(0, plan.BilledPaths);
        }, iter: 500);

    private static void AssertSound(RulesDocument old, RulesDocument @new, EdgeRequest[] requests, InvalidationLimits limits)
    {
        var plan = InvalidationPlanner.Plan(old, @new, limits);
        PlanShape.AssertWellFormed(plan, limits);
        foreach (var request in requests)
        {
            foreach (var @event in (EdgeEvent[])[EdgeEvent.OriginRequest, EdgeEvent.OriginResponse])
            {
                var r = request with { Event = @event };
                if (RandomDocuments.Answer(old, r) != RandomDocuments.Answer(@new, r) && !plan.Covers(r.Uri))
                {
                    Assert.Fail($"{@event} {r.Uri} (country {r.Country ?? "none"}) is answered differently but no path covers it; plan: {string.Join(" ", plan.Paths.Select(p => p.Path))}");
                }
            }
        }
    }

    // Patterns of the rules in the edited section that are not identical in both documents.
    private static IEnumerable<string> TouchedPatterns(RulesDocument old, RulesDocument @new, RuleSection section)
    {
        var before = old.RulesOf(section);
        var after = @new.RulesOf(section);
        var moved = before.Where(r => after.Contains(r)).Select(r => r.Id)
            .Where(id => before.Select(x => x.Id).Where(after.Select(x => x.Id).Contains).ToList().IndexOf(id)
                      != after.Select(x => x.Id).Where(before.Select(x => x.Id).Contains).ToList().IndexOf(id));
        return before.Except(after).Concat(after.Except(before)).Select(r => r.Path)
            .Concat(before.Where(r => moved.Contains(r.Id)).Select(r => r.Path));
    }
}

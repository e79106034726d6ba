using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;
using EdgePortal.Rules.Invalidation;
using EdgePortal.Rules.Tests.Generators;

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
            .Sample((pair, requests) => AssertSound(pair.Old, pair.New, requests, InvalidationLimits.Default), iter: 2_000);

    [Fact]
    public void Plan_UnrelatedDocuments_CoversEveryUriWhoseAnswerDiffers() =>
        Gen.Select(UnrelatedPairs, RandomDocuments.Request.Array[12])
            .Sample((pair, requests) => AssertSound(pair.Old, pair.New, requests, InvalidationLimits.Default), iter: 2_000);

    [Fact]
    public void Plan_ValidGeneratedDocuments_CoversEveryUriWhoseAnswerDiffers() =>
        // The shared generator's documents are valid and its requests carry raw country headers.
        Gen.Select(DocumentGenerator.Document, DocumentGenerator.Document, DocumentGenerator.Request.Array[12])
            .Sample((old, @new, requests) => AssertSound(old, @new, requests, InvalidationLimits.Default), iter: 1_500);

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
        }, iter: 2_000);

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
                var r = request with { Event = @event, ResponseCacheControl = @event == EdgeEvent.OriginResponse ? request.ResponseCacheControl : null };
                if (RandomDocuments.Answer(old, r) != RandomDocuments.Answer(@new, r) && !plan.Covers(r.Uri))
                {
                    Assert.Fail($"{@event} {r.Uri} (country {r.Country ?? "none"}) is answered differently but no path covers it; plan: {string.Join(" ", plan.Paths.Select(p => p.Path))}");
                }
            }
        }
    }

    // Patterns of the edited section's rules that differ between the documents or changed order among the rest.
    private static IEnumerable<string> TouchedPatterns(RulesDocument old, RulesDocument @new, RuleSection section)
    {
        var before = old.Rules(section);
        var after = @new.Rules(section);
        var keptBefore = before.Where(after.Contains).ToList();
        var keptAfter = after.Where(before.Contains).ToList();
        var moved = keptBefore.Where((rule, i) => keptAfter.IndexOf(rule) != i);
        return before.Except(after).Concat(after.Except(before)).Concat(moved).Select(r => r.Path);
    }
}

using EdgePortal.Edge.Shipping;
using EdgePortal.Portal.Services.Plans;

namespace EdgePortal.Portal.Tests.Plans;

/// <summary>Each part of a plan that can stop holding, and the sentence that says so.</summary>
public sealed class PublishPlanCheckTests
{
    private static readonly PublishPlan _approved = new()
    {
        TargetId = "local", RevisionId = 5, RevisionNumber = 5, DocumentSha256 = new string('a', 64), BaseRevisionId = 4, BaseRevisionNumber = 4,
        LiveRevisionId = 4, LiveRevisionNumber = 4, CodeSha256 = "AAAA", PackageBytes = 100,
        InvalidationPaths = [new PlanPath("/a/*", ["cache[0] (a) added"])],
        Distribution = new DistributionChange(["*"], ["origin-request", "origin-response"], null),
        Settings = new TargetFingerprint("fn", "DIST", ["*"], ["origin-request", "origin-response"], 3000, 15, false),
    };

    [Fact]
    public void Compare_SamePlan_HoldsWithNoSentence() =>
        Assert.Empty(PublishPlanCheck.Compare(_approved, _approved with { }));

    [Fact]
    public void Compare_DocumentDiffers_NamesBothHashes()
    {
        var sentences = PublishPlanCheck.Compare(_approved, _approved with { DocumentSha256 = new string('b', 64), CodeSha256 = "BBBB" });

        Assert.Equal(["The document changed since the plan was approved: SHA-256 aaaaaaaaaaaa… was approved, bbbbbbbbbbbb… would be published."], sentences);
    }

    [Fact]
    public void Compare_LiveNotTheBaseMoved_NamesTheLiveRevisions()
    {
        var legacy = _approved with { BaseRevisionId = 3, BaseRevisionNumber = 3 };

        var sentences = PublishPlanCheck.Compare(legacy, legacy with { LiveRevisionId = 6, LiveRevisionNumber = 6 });

        Assert.Equal(["The live revision changed since the plan was approved: revision #4 then, revision #6 now."], sentences);
    }

    [Fact]
    public void Compare_EventTypesDiffer_NamesThem()
    {
        var sentences = PublishPlanCheck.Compare(_approved, _approved with { Settings = _approved.Settings with { EventTypes = ["origin-request"] } });

        Assert.Equal(["The target's settings changed since the plan was approved: the event types (origin-request, origin-response, now origin-request)."], sentences);
    }

    [Fact]
    public void Compare_InvalidationLimitsDiffer_NamesThem()
    {
        var sentences = PublishPlanCheck.Compare(_approved, _approved with { Settings = _approved.Settings with { MaxInvalidationPaths = 10 } });

        Assert.Equal(["The target's settings changed since the plan was approved: the invalidation limits (3000 paths, 15 wildcards, now 10 paths, 15 wildcards)."], sentences);
    }

    [Fact]
    public void Compare_OnlyTheInvalidationDiffers_SaysWhatItWasAndIs()
    {
        var sentences = PublishPlanCheck.Compare(_approved, _approved with { InvalidationPaths = [.. _approved.InvalidationPaths, new PlanPath("/b/*", ["served"])] });

        Assert.Equal(["The invalidation changed since the plan was approved: 1 path(s) (/a/*) then, 2 path(s) (/a/*, /b/*) now (a deployment since may have put another revision at the edge)."], sentences);
    }

    [Fact]
    public void Compare_GeoRestrictionDiffers_SaysBoth()
    {
        var sentences = PublishPlanCheck.Compare(_approved, _approved with { Distribution = _approved.Distribution with { GeoRestriction = GeoRestrictionSetting.None } });

        Assert.Equal(["The distribution change differs from the approved plan: geo restriction unchanged then, lift the restriction now."], sentences);
    }

    [Fact]
    public void PublishPlan_JsonRoundTrip_KeepsEveryPart()
    {
        var plan = _approved with { Distribution = _approved.Distribution with { GeoRestriction = new GeoRestrictionSetting("whitelist", ["CA", "US"]) } };

        var read = PublishPlan.FromJson(plan.ToJson());

        Assert.Empty(PublishPlanCheck.Compare(plan, read));
        Assert.Equal(plan.ToJson(), read.ToJson());
    }
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Merge;

namespace EdgePortal.Rules.Tests.Merge;

public sealed class ThreeWayMergeTests
{
    private static RedirectRule Redirect(string id, string location = "https://example.com/") => new() { Id = id, Path = $"/{id}/*", Location = location };

    private static RulesDocument Redirects(params RedirectRule[] rules) => new() { Redirects = [.. rules] };

    private static readonly RulesDocument Base = Redirects(Redirect("a"), Redirect("b"), Redirect("c"));

    private static string[] Ids(RulesDocument document) => [.. document.Redirects.Select(r => r.Id)];

    [Fact]
    public void Merge_DifferentRulesChanged_KeepsBothChanges()
    {
        var theirs = Base.ReplaceRule(RuleSection.Redirects, "a", Redirect("a", "https://theirs.example/"));
        var yours = Base.ReplaceRule(RuleSection.Redirects, "c", Redirect("c", "https://yours.example/"));

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        Assert.True(result.IsClean);
        Assert.Equal(["https://theirs.example/", "https://example.com/", "https://yours.example/"], result.Merged.Redirects.Select(r => r.Location));
    }

    [Fact]
    public void Merge_SameRuleChangedDifferently_IsAConflictThatStaysTheirsUntilChosen()
    {
        var theirs = Base.ReplaceRule(RuleSection.Redirects, "b", Redirect("b", "https://theirs.example/"));
        var yours = Base.ReplaceRule(RuleSection.Redirects, "b", Redirect("b", "https://yours.example/"));

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new MergeConflict("redirects/b", MergeArea.Rule, RuleSection.Redirects, "b", Base.Redirects[1], theirs.Redirects[1], yours.Redirects[1]), conflict);
        Assert.Equal("https://theirs.example/", result.Merged.Redirects[1].Location);
        var chosen = result.Resolve(new Dictionary<string, MergeChoice> { ["redirects/b"] = MergeChoice.Yours });
        Assert.Equal("https://yours.example/", chosen.Redirects[1].Location);
    }

    [Fact]
    public void Merge_SameChangeOnBothSides_IsNoConflict()
    {
        var both = Base.RemoveRule(RuleSection.Redirects, "b");

        var result = ThreeWayMerge.Merge(Base, both, both.AddRule(RuleSection.Cache, new CacheRule { Id = "video", Path = "/v/*" }));

        Assert.True(result.IsClean);
        Assert.Equal(["a", "c"], Ids(result.Merged));
        Assert.Equal("video", Assert.Single(result.Merged.Cache).Id);
    }

    [Fact]
    public void Merge_RemovedByTheirsChangedByYours_IsAConflictWithNoTheirsRule()
    {
        var theirs = Base.RemoveRule(RuleSection.Redirects, "b");
        var yours = Base.ReplaceRule(RuleSection.Redirects, "b", Redirect("b", "https://yours.example/"));

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Null(conflict.Theirs);
        Assert.Equal(["a", "c"], Ids(result.Merged));
        Assert.Equal(["a", "b", "c"], Ids(result.Resolve(new Dictionary<string, MergeChoice> { [conflict.Key] = MergeChoice.Yours })));
    }

    [Fact]
    public void Merge_RemovedByTheirsUntouchedByYours_StaysRemovedEvenIfYouMovedIt()
    {
        var theirs = Base.RemoveRule(RuleSection.Redirects, "b");
        var yours = Base.MoveRule(RuleSection.Redirects, "b", 0);

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        Assert.True(result.IsClean);
        Assert.Equal(["a", "c"], Ids(result.Merged));
    }

    [Fact]
    public void Merge_GeoDifferentFields_MergesFieldByField()
    {
        var @base = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US"] } };
        var theirs = @base with { Geo = @base.Geo! with { Countries = ["US", "CA"] } };
        var yours = @base with { Geo = @base.Geo! with { UnknownCountry = UnknownCountryAction.Block } };

        var result = ThreeWayMerge.Merge(@base, theirs, yours);

        Assert.True(result.IsClean);
        Assert.Equal(new GeoSettings { Mode = GeoMode.Allow, Countries = ["US", "CA"], UnknownCountry = UnknownCountryAction.Block }, result.Merged.Geo);
    }

    [Fact]
    public void Merge_GeoSameFieldDifferently_IsAConflictNamingTheField()
    {
        var @base = new RulesDocument { Geo = new GeoSettings { Mode = GeoMode.Allow, Countries = ["US"] } };
        var theirs = @base with { Geo = @base.Geo! with { Mode = GeoMode.Block } };
        var yours = @base with { Geo = @base.Geo! with { Mode = GeoMode.Off, Countries = ["DE"] } };

        var result = ThreeWayMerge.Merge(@base, theirs, yours);

        Assert.Equal(new MergeConflict("geo/mode", MergeArea.Geo, null, "mode", GeoMode.Allow, GeoMode.Block, GeoMode.Off), Assert.Single(result.Conflicts));
        Assert.Equal(new GeoSettings { Mode = GeoMode.Block, Countries = ["DE"] }, result.Merged.Geo);
    }

    [Fact]
    public void Merge_BlockedResponseBodyOnBothSides_IsAConflictOnTheBodyOnly()
    {
        var @base = new RulesDocument { BlockedResponse = new BlockedResponse { Body = "No." } };
        var theirs = @base with { BlockedResponse = new BlockedResponse { Body = "Nein.", Status = 451 } };
        var yours = @base with { BlockedResponse = new BlockedResponse { Body = "Non.", CacheSeconds = 10 } };

        var result = ThreeWayMerge.Merge(@base, theirs, yours);

        Assert.Equal("blockedResponse/body", Assert.Single(result.Conflicts).Key);
        Assert.Equal(new BlockedResponse { Body = "Nein.", Status = 451, CacheSeconds = 10 }, result.Merged.BlockedResponse);
    }

    [Fact]
    public void Merge_BothAddRulesAfterTheSameRule_KeepsBothRightAfterIt()
    {
        var theirs = Base.InsertRule(RuleSection.Redirects, 1, Redirect("t"));
        var yours = Base.InsertRule(RuleSection.Redirects, 1, Redirect("y")).AddRule(RuleSection.Redirects, Redirect("z"));

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        Assert.True(result.IsClean);
        Assert.Equal(["a", "y", "t", "b", "c", "z"], Ids(result.Merged));
    }

    [Fact]
    public void Merge_OnlyYoursReordered_TakesYourOrderAndPlacesTheirNewRule()
    {
        var theirs = Base.InsertRule(RuleSection.Redirects, 1, Redirect("t"));
        var yours = Base.MoveRule(RuleSection.Redirects, "c", 0);

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        Assert.True(result.IsClean);
        Assert.Equal(["c", "a", "t", "b"], Ids(result.Merged));
    }

    [Fact]
    public void Merge_BothReorderedDifferently_IsOneOrderConflict()
    {
        var theirs = Base.MoveRule(RuleSection.Redirects, "c", 0);
        var yours = Base.MoveRule(RuleSection.Redirects, "a", 2);

        var result = ThreeWayMerge.Merge(Base, theirs, yours);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("redirects#order", conflict.Key);
        Assert.Equal(new EquatableArray<string>(["c", "a", "b"]), conflict.Theirs);
        Assert.Equal(["c", "a", "b"], Ids(result.Merged));
        Assert.Equal(["b", "c", "a"], Ids(result.Resolve(new Dictionary<string, MergeChoice> { ["redirects#order"] = MergeChoice.Yours })));
    }

    [Fact]
    public void Merge_BothReorderedAlike_IsNoConflict()
    {
        var moved = Base.MoveRule(RuleSection.Redirects, "c", 0);

        var result = ThreeWayMerge.Merge(Base, moved, moved.ReplaceRule(RuleSection.Redirects, "a", Redirect("a", "https://yours.example/")));

        Assert.True(result.IsClean);
        Assert.Equal(["c", "a", "b"], Ids(result.Merged));
    }

    [Fact]
    public void Merge_AnIdAddedOnBothSidesDifferently_IsAConflictWithNoBase()
    {
        var result = ThreeWayMerge.Merge(Base, Base.AddRule(RuleSection.Redirects, Redirect("n", "https://t.example/")),
            Base.AddRule(RuleSection.Redirects, Redirect("n", "https://y.example/")));

        var conflict = Assert.Single(result.Conflicts);
        Assert.Null(conflict.Base);
        Assert.Equal("https://t.example/", result.Merged.Redirects[3].Location);
    }

    [Fact]
    public void Merge_TwoRulesWithOneId_AreMatchedByOccurrence()
    {
        var @base = Redirects(Redirect("a"), Redirect("a", "https://second.example/"));
        var yours = @base.ReplaceRule(RuleSection.Redirects, 1, Redirect("a", "https://yours.example/"));

        var result = ThreeWayMerge.Merge(@base, @base.AddRule(RuleSection.Redirects, Redirect("t")), yours);

        Assert.True(result.IsClean);
        Assert.Equal(["https://example.com/", "https://yours.example/", "https://example.com/"], result.Merged.Redirects.Select(r => r.Location));
    }

    [Fact]
    public void Resolve_KeyOfNoConflict_IsRefusedNamingTheKey()
    {
        var result = ThreeWayMerge.Merge(Base, Base, Base);

        var error = Assert.Throws<ArgumentException>(() => result.Resolve(new Dictionary<string, MergeChoice> { ["redirects/a"] = MergeChoice.Yours }));

        Assert.Contains("\"redirects/a\"", error.Message, StringComparison.Ordinal);
    }
}

using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Editing;

public sealed class SectionEditsTests
{
    private static readonly RulesDocument Three = new()
    {
        Origins = [new OriginRule { Id = "a", Path = "/a/*" }, new OriginRule { Id = "b", Path = "/b/*" }, new OriginRule { Id = "c", Path = "/c/*" }],
    };

    [Fact]
    public void DuplicateRule_Twice_GivesDistinctIds()
    {
        var once = Three.DuplicateRule(RuleSection.Origins, 0);
        var twice = once.DuplicateRule(RuleSection.Origins, 0);

        Assert.Equal(["a", "a-copy-2", "a-copy", "b", "c"], twice.Origins.Select(r => r.Id));
    }

    [Fact]
    public void NewRule_EmptySection_IsNamedAfterTheSection()
    {
        var rule = RulesDocument.Empty.NewRule(RuleSection.Cache);

        Assert.Equal("cache-1", rule.Id);
        Assert.Equal("/*", rule.Path);
    }

    [Fact]
    public void NewRule_TakenIds_SkipsToAnUnusedOne()
    {
        var rule = Three.WithRules(RuleSection.Origins, [new OriginRule { Id = "origin-3" }, new OriginRule { Id = "x" }]).NewRule(RuleSection.Origins);

        Assert.Equal("origin-3-2", rule.Id);
        Assert.IsType<OriginRule>(rule);
    }

    [Fact]
    public void DuplicateRule_LastRule_AppendsTheCopy() =>
        Assert.Equal(["a", "b", "c", "c-copy"], Three.DuplicateRule(RuleSection.Origins, 2).Origins.Select(r => r.Id));
}

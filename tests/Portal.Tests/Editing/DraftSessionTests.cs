using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Editing;

/// <summary>The session passes only positions the section has to the section API, which throws on any other.</summary>
public sealed class DraftSessionTests
{
    private static readonly RulesDocument Two = new()
    {
        Cache = [new CacheRule { Id = "a", Path = "/a/*", MaxAge = 60 }, new CacheRule { Id = "b", Path = "/b/*", MaxAge = 60 }],
    };

    private static DraftSession Loaded()
    {
        var session = new DraftSession();
        session.Load(Two, Two);
        return session;
    }

    [Fact]
    public void MoveRule_PositionPastTheEnd_LeavesTheDraftUnchanged()
    {
        using var session = Loaded();

        session.MoveRule(RuleSection.Cache, 0, 2);
        session.MoveRule(RuleSection.Cache, 0, -1);

        Assert.Same(Two, session.Document);
        Assert.False(session.IsDirty);
    }

    [Fact]
    public void MoveRule_SelectedRule_SelectionFollowsIt()
    {
        using var session = Loaded();
        session.Select(RuleSection.Cache, 0);

        session.MoveRule(RuleSection.Cache, 0, 1);

        Assert.Equal(["b", "a"], session.Document.Cache.Select(r => r.Id));
        Assert.Equal(1, session.SelectedIndex(RuleSection.Cache));
    }

    [Fact]
    public void AddRule_Twice_AppendsAndSelectsEachNewRule()
    {
        using var session = Loaded();

        var first = session.AddRule(RuleSection.Cache);
        var second = session.AddRule(RuleSection.Cache);

        Assert.Equal((2, 3), (first, second));
        Assert.Equal(["a", "b", "cache-3", "cache-4"], session.Document.Cache.Select(r => r.Id));
        Assert.Equal(3, session.SelectedIndex(RuleSection.Cache));
    }

    [Fact]
    public void UpdateRule_PositionNotInTheSection_ThrowsNamingTheIndex()
    {
        using var session = Loaded();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.UpdateRule(RuleSection.Cache, 2, new CacheRule { Id = "c" }));

        Assert.Equal("index", error.ParamName);
        Assert.Same(Two, session.Document);
    }
}

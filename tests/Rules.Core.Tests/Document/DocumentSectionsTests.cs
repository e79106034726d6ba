using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Document;

public sealed class DocumentSectionsTests
{
    private static readonly RulesDocument Three = new()
    {
        Redirects =
        [
            new RedirectRule { Id = "a", Path = "/a/*", Location = "https://a.example/" },
            new RedirectRule { Id = "b", Path = "/b/*", Location = "https://b.example/" },
            new RedirectRule { Id = "c", Path = "/c/*", Location = "https://c.example/" },
        ],
        Cache = [new CacheRule { Id = "video", Path = "/video/*", MaxAge = 60 }],
    };

    private static readonly RedirectRule NewRedirect = new() { Id = "n", Path = "/n/*", Location = "https://n.example/" };

    private static string[] Ids(RulesDocument document, RuleSection section = RuleSection.Redirects) =>
        [.. document.Rules(section).Select(r => r.Id)];

    [Fact]
    public void Rules_EverySection_ReadsThatSectionInPrecedenceOrder()
    {
        var document = new RulesDocument
        {
            Access = [new AccessRule { Id = "acc" }],
            Redirects = [new RedirectRule { Id = "r1" }, new RedirectRule { Id = "r2" }],
            Origins = [new OriginRule { Id = "org" }],
            Cache = [new CacheRule { Id = "c1" }, new CacheRule { Id = "c2" }, new CacheRule { Id = "c3" }],
        };

        Assert.Equal(["acc"], Ids(document, RuleSection.Access));
        Assert.Equal(["r1", "r2"], Ids(document, RuleSection.Redirects));
        Assert.Equal(["org"], Ids(document, RuleSection.Origins));
        Assert.Equal(["c1", "c2", "c3"], Ids(document, RuleSection.Cache));
    }

    [Fact]
    public void WithRules_EverySection_WritesOnlyThatSection()
    {
        foreach (var section in RuleSections.All)
        {
            var rules = Three.Rules(section);
            var emptied = Three.WithRules(section, []);

            Assert.Empty(emptied.Rules(section));
            Assert.Equal(Three.RuleCount - rules.Count, emptied.RuleCount);
            Assert.Equal(Three, emptied.WithRules(section, rules));
        }
    }

    [Fact]
    public void ReplaceRule_ById_ChangesOnlyThatRule()
    {
        var changed = Three.ReplaceRule(RuleSection.Redirects, "b", NewRedirect with { Id = "b" });

        Assert.Equal("/n/*", changed.Redirects[1].Path);
        Assert.Equal(Three.Redirects[0], changed.Redirects[0]);
        Assert.Equal(Three.Redirects[2], changed.Redirects[2]);
    }

    [Fact]
    public void InsertRule_AtTheCount_Appends()
    {
        Assert.Equal(["a", "b", "c", "n"], Ids(Three.InsertRule(RuleSection.Redirects, 3, NewRedirect)));
        Assert.Equal(["n", "a", "b", "c"], Ids(Three.InsertRule(RuleSection.Redirects, 0, NewRedirect)));
        Assert.Equal(["a", "b", "c", "n"], Ids(Three.AddRule(RuleSection.Redirects, NewRedirect)));
    }

    [Fact]
    public void MoveRule_ByIndexAndById_LandsAtTheTargetPosition()
    {
        Assert.Equal(["c", "a", "b"], Ids(Three.MoveRule(RuleSection.Redirects, 2, 0)));
        Assert.Equal(["b", "c", "a"], Ids(Three.MoveRule(RuleSection.Redirects, "a", 2)));
    }

    [Fact]
    public void RemoveRule_ByIndexAndById_KeepsTheOrderOfTheRest()
    {
        Assert.Equal(["a", "c"], Ids(Three.RemoveRule(RuleSection.Redirects, 1)));
        Assert.Equal(["a", "b"], Ids(Three.RemoveRule(RuleSection.Redirects, "c")));
    }

    [Fact]
    public void IndexOf_UnknownId_IsMinusOne()
    {
        Assert.Equal(2, Three.IndexOf(RuleSection.Redirects, "c"));
        Assert.Equal(-1, Three.IndexOf(RuleSection.Redirects, "video"));
    }

    [Fact]
    public void ReplaceRule_IndexPastTheEnd_ThrowsNamingTheIndexAndTheSection()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Three.ReplaceRule(RuleSection.Cache, 1, new CacheRule { Id = "x" }));

        Assert.Equal("index", error.ParamName);
        Assert.StartsWith("There is no cache rule number 2 in cache (it has 1).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertRule_PastTheCountOrNegative_Throws()
    {
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Three.InsertRule(RuleSection.Redirects, 4, NewRedirect)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => Three.InsertRule(RuleSection.Redirects, -1, NewRedirect)).ParamName);
    }

    [Fact]
    public void MoveRule_TargetOutOfRange_ThrowsNamingTo()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Three.MoveRule(RuleSection.Redirects, 0, 3));

        Assert.Equal("to", error.ParamName);
        Assert.Equal("from", Assert.Throws<ArgumentOutOfRangeException>(() => Three.MoveRule(RuleSection.Redirects, -1, 0)).ParamName);
    }

    [Fact]
    public void RemoveRule_UnknownId_ThrowsNamingTheId()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Three.RemoveRule(RuleSection.Redirects, "video"));

        Assert.Equal("id", error.ParamName);
        Assert.StartsWith("There is no redirect with id \"video\" in redirects.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InsertRule_RuleOfAnotherSection_ThrowsNamingTheExpectedRule()
    {
        var error = Assert.Throws<ArgumentException>(() => Three.InsertRule(RuleSection.Cache, 0, NewRedirect));

        Assert.Equal("rule", error.ParamName);
        Assert.StartsWith("A RedirectRule does not belong in cache; expected a cache rule.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJsonName_EachSectionName_GivesTheSection()
    {
        foreach (var section in RuleSections.All)
        {
            Assert.Equal(section, RuleSections.FromJsonName(section.JsonName()));
        }
        Assert.Null(RuleSections.FromJsonName("geo"));
    }
}

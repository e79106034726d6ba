using EdgePortal.Rules.Document;
using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Rules.Tests.Invalidation;

/// <summary>Planning when the edge may be serving either of two revisions (a publish associated but never confirmed).</summary>
public class InvalidationPlannerServedTests
{
    private static readonly CacheRule Video = new() { Id = "video", Path = "/video/*", MaxAge = 86400 };
    private static readonly CacheRule Trial = new() { Id = "trial", Path = "/trial/*", MaxAge = 60 };
    private static readonly RedirectRule About = new() { Id = "about", Path = "/about.html", Location = "https://www.example.com/about/" };

    [Fact]
    public void Plan_TwoServedRevisions_CoversWhatDiffersFromEither()
    {
        var live = new RulesDocument { Cache = [Video] };
        var unconfirmed = new RulesDocument { Cache = [Video, Trial] };
        var next = new RulesDocument { Cache = [Video], Redirects = [About] };

        var plan = InvalidationPlanner.Plan([live, unconfirmed], next);

        Assert.Equal(["/about.html", "/trial/*"], plan.Paths.Select(p => p.Path));
        Assert.Equal(["/about.html"], InvalidationPlanner.Plan(live, next).Paths.Select(p => p.Path));
    }

    [Fact]
    public void Plan_EveryServedRevisionEqualsTheNewOne_IsEmpty()
    {
        var document = new RulesDocument { Cache = [Video] };

        Assert.True(InvalidationPlanner.Plan([document, document], document).IsEmpty);
    }
}

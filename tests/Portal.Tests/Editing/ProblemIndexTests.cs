using EdgePortal.Portal.Services.Editing;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Portal.Tests.Editing;

public sealed class ProblemIndexTests
{
    [Theory]
    [InlineData("/redirects/3/location", "redirects", 3, "location")]
    [InlineData("/geo/countries/2", "geo", null, "countries")]
    [InlineData("/cache/0", "cache", 0, null)]
    [InlineData("", "", null, null)]
    [InlineData("/a~1b", "a/b", null, null)]
    public void Parse_Pointer_FindsAreaIndexAndField(string pointer, string area, int? index, string? field) =>
        Assert.Equal(new ProblemLocation(area, index, field), ProblemLocation.Parse(pointer));

    [Fact]
    public void ForRule_ProblemsOfSeveralRules_GivesEachFieldItsOwnMessage()
    {
        var index = new ProblemIndex(
        [
            new Problem("/redirects/1/location", "Use https."),
            new Problem("/redirects/10/id", "Duplicate id."),
            new Problem("/redirects/1/countries/0", "Unassigned code."),
            new Problem("/redirects/1", "Whole rule."),
        ]);

        var rule = index.ForRule(RuleSection.Redirects, 1);

        Assert.Equal("Use https.", rule["location"]);
        Assert.Equal("Unassigned code.", rule["countries"]);
        Assert.Equal("Whole rule.", rule.Whole);
        Assert.Null(rule["id"]);
        Assert.Equal(new HashSet<int> { 1, 10 }, index.RulesWithProblems(RuleSection.Redirects));
    }
}

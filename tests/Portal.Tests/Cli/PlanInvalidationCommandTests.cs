using static EdgePortal.Portal.Tests.Cli.EvalDiffPlanGolden;

namespace EdgePortal.Portal.Tests.Cli;

public class PlanInvalidationCommandTests
{
    [Theory]
    [InlineData("narrow", "plan/narrow-old.json", "plan/narrow-new.json", new string[0])]
    [InlineData("narrow-json", "plan/narrow-old.json", "plan/narrow-new.json", new[] { "--json" })]
    [InlineData("narrow-coarsened", "plan/narrow-old.json", "plan/narrow-new.json", new[] { "--max-wildcard-paths", "2" })]
    [InlineData("narrow-last-resort", "plan/narrow-old.json", "plan/narrow-new.json", new[] { "--max-paths", "3" })]
    [InlineData("narrow-query-strings", "plan/narrow-old.json", "plan/narrow-new.json", new[] { "--query-strings-in-cache-key" })]
    [InlineData("vod", "diff/vod-old.json", "diff/vod-new.json", new string[0])]
    [InlineData("seed-geo-json", "diff/seed.json", "diff/seed-fr.json", new[] { "--json" })]
    [InlineData("same", "plan/narrow-old.json", "plan/narrow-old.json", new string[0])]
    public async Task PlanInvalidation_TwoDocuments_PrintsPlanAsGolden(string name, string old, string @new, string[] options)
    {
        var (code, output, error) = await RunAsync(["rules", "plan-invalidation", TestData(old), TestData(@new), .. options]);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        AssertMatches($"plan/{name}.expected", output);
    }

    [Theory]
    [InlineData("--max-wildcard-paths", "0")]
    [InlineData("--max-paths", "-1")]
    public async Task PlanInvalidation_LimitBelowOne_FailsNamingTheOption(string option, string value)
    {
        var (code, output, error) = await RunAsync("rules", "plan-invalidation", TestData("diff/seed.json"), TestData("diff/seed.json"), option, value);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(option, error);
    }

    [Fact]
    public async Task PlanInvalidation_InvalidOldDocument_IsBadInput()
    {
        var (code, output, error) = await RunAsync("rules", "plan-invalidation", TestData("diff/invalid.json"), TestData("diff/seed.json"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("invalid.json is not a valid rules document", error);
    }
}

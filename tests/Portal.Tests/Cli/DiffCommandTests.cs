using static EdgePortal.Portal.Tests.Cli.EvalDiffPlanGolden;

namespace EdgePortal.Portal.Tests.Cli;

public class DiffCommandTests
{
    [Theory]
    [InlineData("vod", "diff/vod-old.json", "diff/vod-new.json", false)]
    [InlineData("vod-json", "diff/vod-old.json", "diff/vod-new.json", true)]
    [InlineData("seed-geo", "diff/seed.json", "diff/seed-fr.json", false)]
    [InlineData("narrow", "plan/narrow-old.json", "plan/narrow-new.json", false)]
    [InlineData("same", "diff/seed.json", "diff/seed.json", false)]
    [InlineData("same-json", "diff/seed.json", "diff/seed.json", true)]
    public async Task Diff_TwoDocuments_PrintsChangesAsGolden(string name, string old, string @new, bool json)
    {
        string[] args = ["rules", "diff", TestData(old), TestData(@new)];
        var (code, output, error) = await RunAsync(json ? [.. args, "--json"] : args);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        AssertMatches($"diff/{name}.expected", output);
    }

    [Fact]
    public async Task Diff_InvalidNewDocument_ListsProblemsAndPrintsNoDiff()
    {
        var (code, output, error) = await RunAsync("rules", "diff", TestData("diff/seed.json"), TestData("diff/invalid.json"));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("invalid.json is not a valid rules document", error);
        Assert.Contains("/redirects/0/location", error);
    }

    [Fact]
    public async Task Diff_MissingOldFile_NamesIt()
    {
        var (code, _, error) = await RunAsync("rules", "diff", TestData("diff/missing.json"), TestData("diff/seed.json"));
        Assert.Equal(2, code);
        Assert.Contains("missing.json: no such file", error);
    }
}

using static EdgePortal.Portal.Tests.Cli.EvalDiffPlanGolden;

namespace EdgePortal.Portal.Tests.Cli;

public class EvalCommandTests
{
    private static readonly string Vod = TestData("eval/vod.json");

    [Theory]
    [InlineData("access-block", new[] { "--uri", "/live/bundesliga/match-1", "--country", "GB" })]
    [InlineData("geo-block", new[] { "--uri", "/video/a.mp4", "--country", "FR" })]
    [InlineData("redirect", new[] { "--uri", "/shows/a", "--country", "CA", "--query", "a=1" })]
    [InlineData("origin", new[] { "--uri", "/library/book-1", "--country", "DE" })]
    [InlineData("forward-without-country", new[] { "--uri", "/index.html" })]
    [InlineData("response-override", new[] { "--uri", "/video/a.mp4", "--event", "origin-response", "--response-cache-control", "max-age=60" })]
    [InlineData("response-default-kept", new[] { "--uri", "/img/a.png", "--event", "origin-response", "--response-cache-control", "max-age=60" })]
    [InlineData("response-no-rule", new[] { "--uri", "/index.html", "--event", "origin-response" })]
    public async Task Eval_Request_PrintsDecisionAsGolden(string name, string[] options)
    {
        var (code, output, error) = await RunAsync(["rules", "eval", Vod, .. options]);
        Assert.Equal("", error);
        Assert.Equal(0, code);
        AssertMatches($"eval/{name}.expected", output);
    }

    [Theory]
    [InlineData("de", "--country")]
    [InlineData("DEU", "--country")]
    [InlineData("XX", "--country")]
    public async Task Eval_BadCountry_FailsNamingTheOption(string country, string option)
    {
        var (code, output, error) = await RunAsync("rules", "eval", Vod, "--uri", "/", "--country", country);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(option, error);
        Assert.Contains($"\"{country}\"", error);
    }

    [Fact]
    public async Task Eval_UnknownEvent_FailsNamingTheOption()
    {
        var (code, _, error) = await RunAsync("rules", "eval", Vod, "--uri", "/", "--event", "viewer-request");
        Assert.Equal(2, code);
        Assert.Contains("--event: \"viewer-request\"", error);
    }

    [Fact]
    public async Task Eval_ResponseCacheControlAtOriginRequest_FailsNamingTheOption()
    {
        var (code, _, error) = await RunAsync("rules", "eval", Vod, "--uri", "/", "--response-cache-control", "no-store");
        Assert.Equal(2, code);
        Assert.Contains("--response-cache-control", error);
    }

    [Fact]
    public async Task Eval_UriWithoutSlash_FailsNamingTheOption()
    {
        var (code, _, error) = await RunAsync("rules", "eval", Vod, "--uri", "video/a.mp4");
        Assert.Equal(2, code);
        Assert.Contains("--uri", error);
    }

    [Fact]
    public async Task Eval_MissingUri_IsBadInput()
    {
        var (code, _, error) = await RunAsync("rules", "eval", Vod);
        Assert.Equal(2, code);
        Assert.Contains("--uri", error);
    }

    [Fact]
    public async Task Eval_MissingFile_IsBadInput()
    {
        var (code, output, error) = await RunAsync("rules", "eval", TestData("eval/no-such-file.json"), "--uri", "/");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("cannot read", error);
        Assert.Contains("no-such-file.json: no such file", error);
    }

    [Fact]
    public async Task Eval_InvalidDocument_ListsEveryProblem()
    {
        var (code, output, error) = await RunAsync("rules", "eval", TestData("diff/invalid.json"), "--uri", "/");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("/redirects/0/id", error);
        Assert.Contains("/redirects/0/status", error);
    }
}

using System.Text.Json;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Tests.Differential;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Matching;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// The handler's matcher (pattern.mjs, and the index in lookup.mjs) and PathPattern in C# must agree
/// on every pattern and URI: a written corpus with expected answers (TestData/handler/path-patterns.json),
/// which both run, and random pairs from a small alphabet full of '*', '?' and '/'.
/// </summary>
public sealed class PathMatcherAgreementTests
{
    private static readonly string _dataFolder = Path.Combine(AppContext.BaseDirectory, "TestData", "handler");

    [Fact]
    public void PathPattern_Corpus_GivesTheWrittenAnswers()
    {
        foreach (var (pattern, uri, expected) in Corpus())
        {
            Assert.True(expected == PathPattern.IsMatch(pattern, uri), $"PathPattern.IsMatch(\"{pattern}\", \"{uri}\") should be {expected}");
            Assert.True(expected == PathPattern.Compile(pattern).IsMatch(uri), $"Compile(\"{pattern}\").IsMatch(\"{uri}\") should be {expected}");
        }
    }

    [Fact]
    public async Task HandlerMatcher_Corpus_GivesTheWrittenAnswers()
    {
        var corpus = Corpus();

        var answers = await RunJavaScriptAsync([.. corpus.Select(c => (c.Pattern, c.Uri))]);

        for (var i = 0; i < corpus.Count; i++)
        {
            var (pattern, uri, expected) = corpus[i];
            Assert.True(answers[i] == (expected, expected), $"handler on (\"{pattern}\", \"{uri}\") gave {answers[i]}, expected {expected}");
        }
    }

    [Fact]
    public async Task HandlerMatcher_RandomPairs_AgreesWithPathPattern()
    {
        var random = new Random(77);
        const string alphabet = "ab/.*?";
        var pairs = new List<(string Pattern, string Uri)>();
        for (var i = 0; i < 20_000; i++)
        {
            var pattern = "/" + new string([.. Enumerable.Range(0, random.Next(8)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var uri = random.Next(2) == 0
                ? RandomRequests.FromPattern(random, pattern)
                : "/" + new string([.. Enumerable.Range(0, random.Next(10)).Select(_ => alphabet[random.Next(4)])]);
            pairs.Add((pattern, uri));
        }

        var answers = await RunJavaScriptAsync(pairs);

        var disagreements = pairs.Select((p, i) => (p, answers[i], Expected: PathPattern.IsMatch(p.Pattern, p.Uri)))
            .Where(x => x.Item2 != (x.Expected, x.Expected))
            .Select(x => $"(\"{x.p.Pattern}\", \"{x.p.Uri}\"): handler {x.Item2}, PathPattern {x.Expected}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(10)));
        Assert.Contains(true, answers.Select(a => a.Function));
        Assert.Contains(false, answers.Select(a => a.Function));
    }

    private static List<(string Pattern, string Uri, bool Matches)> Corpus()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dataFolder, "path-patterns.json")));
        return [.. json.RootElement.EnumerateArray().Select(e =>
            (e.GetProperty("pattern").GetString()!, e.GetProperty("uri").GetString()!, e.GetProperty("matches").GetBoolean()))];
    }

    /// <summary>Runs match.mjs on the matcher modules of a built, unpacked package.</summary>
    private static async Task<List<(bool Function, bool Index)>> RunJavaScriptAsync(IReadOnlyList<(string Pattern, string Uri)> pairs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "edgeportal-match-" + Guid.NewGuid().ToString("N"));
        try
        {
            HandlerPackage.ExtractTo(Packages.Build(RulesDocument.Empty).Zip, directory);
            var output = await TestScripts.RunAsync("match.mjs", JsonSerializer.Serialize(pairs.Select(p => new[] { p.Pattern, p.Uri })), directory);
            return [.. JsonSerializer.Deserialize<bool[][]>(output)!.Select(a => (a[0], a[1]))];
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

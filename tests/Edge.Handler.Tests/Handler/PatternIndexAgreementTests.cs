using System.Text.Json;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Tests.Differential;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Matching;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// The handler's PathIndex (lookup.mjs: linear scan for tiny indexes; hash tables by exact path, folder,
/// last segment and extension otherwise) must give the same first match as testing every pattern in list
/// order with PathPattern, also when some rules are limited to countries the request does not have, on
/// random lists of random patterns. Both answers come from one index of two sections.
/// </summary>
public sealed class PatternIndexAgreementTests
{
    private static readonly string[] _pieces = ["/", "a", "b", "ab", ".", ".m3u8", "*", "?", "/a/", "/b/", "x"];

    [Fact]
    public async Task PatternIndex_RandomPatternLists_GivesTheFirstMatchInListOrder()
    {
        var random = new Random(2026);
        var cases = new List<(string[] Patterns, string[] Uris)>();
        for (var i = 0; i < 400; i++)
        {
            // Sizes on both sides of the linear-scan limit, with repeated patterns now and then.
            var patterns = Enumerable.Range(0, 1 + random.Next(60)).Select(_ => RandomPattern(random)).ToList();
            for (var r = random.Next(3); r > 0; r--)
            {
                patterns.Insert(random.Next(patterns.Count), patterns[random.Next(patterns.Count)]);
            }
            var uris = Enumerable.Range(0, 40).Select(_ => random.Next(2) == 0
                ? RandomRequests.FromPattern(random, patterns[random.Next(patterns.Count)])
                : RandomPattern(random).Replace("*", "z").Replace('?', 'q')).ToArray();
            cases.Add(([.. patterns], uris));
        }

        var answers = await RunJavaScriptAsync(cases);

        var disagreements = new List<string>();
        var matched = 0;
        for (var c = 0; c < cases.Count; c++)
        {
            var (patterns, uris) = cases[c];
            for (var u = 0; u < uris.Length; u++)
            {
                var expected = (First(patterns, uris[u], _ => true), First(patterns, uris[u], i => i % 3 != 0));
                var actual = (answers[c][u][0], answers[c][u][1]);
                if (expected.Item1 >= 0) matched++;
                if (actual != expected) disagreements.Add($"[{string.Join(", ", patterns)}] on \"{uris[u]}\": index {actual}, in order {expected}");
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(10)));
        Assert.InRange(matched, 1000, 15_999);
    }

    [Fact]
    public async Task PatternIndex_KeysSharingAHash_KeepTheirOwnAnswers()
    {
        // "bz" and "cY" hash alike (the index's 24-bit djb2: 'b' * 33 + 'z' == 'c' * 33 + 'Y'), as do
        // every text that holds them at the same place: exact paths, folders, last segments and
        // extensions that collide share a list, and each candidate must still be checked by its text.
        string[] patterns =
        [
            "/cY", "/bz", "/bz/*", "/cY/*", "/q/*/bz", "/q/*/cY", "/*.cY", "/*.bz", "/bz/?", "/cY/x*z",
        ];
        string[] uris =
        [
            "/bz", "/cY", "/bz/a", "/cY/a", "/cY/xz", "/q/1/bz", "/q/2/cY", "/f.bz", "/f.cY", "/bz/c", "/cY/cY", "/cZ", "/bz.cY",
        ];

        var answers = await RunJavaScriptAsync([(patterns, uris)]);

        for (var u = 0; u < uris.Length; u++)
        {
            Assert.Equal((First(patterns, uris[u], _ => true), First(patterns, uris[u], i => i % 3 != 0)), (answers[0][u][0], answers[0][u][1]));
        }
    }

    private static int First(string[] patterns, string uri, Func<int, bool> accept)
    {
        for (var i = 0; i < patterns.Length; i++)
        {
            if (PathPattern.IsMatch(patterns[i], uri) && accept(i)) return i;
        }
        return -1;
    }

    private static string RandomPattern(Random random) =>
        "/" + string.Concat(Enumerable.Range(0, random.Next(7)).Select(_ => _pieces[random.Next(_pieces.Length)]));

    private static async Task<int[][][]> RunJavaScriptAsync(List<(string[] Patterns, string[] Uris)> cases)
    {
        var directory = Path.Combine(Path.GetTempPath(), "edgeportal-index-" + Guid.NewGuid().ToString("N"));
        try
        {
            HandlerPackage.ExtractTo(Packages.Build(RulesDocument.Empty).Zip, directory);
            var output = await TestScripts.RunAsync("index-first.mjs", JsonSerializer.Serialize(cases.Select(c => new { patterns = c.Patterns, uris = c.Uris })), directory);
            return JsonSerializer.Deserialize<int[][][]>(output)!;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

using System.Text.Json;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Tests.Differential;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// index.bin (written in C# by PathIndexWriter) must hold exactly the path indexes the handler builds from
/// rules.json at load (layout.mjs): every number of every entry and table, for random documents and for a
/// large one with deep folders, shared keys and every kind of pattern.
/// </summary>
public sealed class LayoutAgreementTests
{
    [Fact]
    public async Task IndexFile_RandomAndLargeDocuments_EqualsTheIndexBuiltAtLoad()
    {
        var random = new Random(7);
        var documents = Enumerable.Range(0, 60).Select(_ => RandomDocuments.Next(random)).Append(Large(random)).ToList();

        var answers = await CompareAsync(documents);

        Assert.Equal(documents.Count, answers.Length);
        Assert.All(answers, answer => Assert.Equal("same", answer));
    }

    [Fact]
    public void Build_HundredThousandRulesForOriginTriggers_ShipsTheReadyMadeIndex()
    {
        var build = Packages.Build(Huge());

        Assert.Contains(PathIndexWriter.FileName, HandlerPackage.Read(build.Zip).Files);
        Assert.True(HandlerSizeLimit.OriginTriggers.Fits(build.CompressedBytes), $"{build.CompressedBytes} bytes");
    }

    [Fact]
    public void Build_IndexWouldPassTheViewerLimit_LeavesItOutAndStaysWithin()
    {
        var withIndex = HandlerPackage.Read(Packages.Build(Large(new Random(1)), limit: HandlerSizeLimit.ViewerTriggers).Zip);
        // 50,000 rules: about 0.6 MB zipped without index.bin, over 1 MB with it.
        var build = Packages.Build(Huge(50_000), limit: HandlerSizeLimit.ViewerTriggers);

        Assert.Contains(PathIndexWriter.FileName, withIndex.Files);
        Assert.DoesNotContain(PathIndexWriter.FileName, HandlerPackage.Read(build.Zip).Files);
        Assert.True(HandlerSizeLimit.ViewerTriggers.Fits(build.CompressedBytes), $"{build.CompressedBytes} bytes");
    }

    [Fact]
    public void Build_ViewerTriggersAndTooLargeEvenWithoutIndex_SaysSoNamingTheLimit()
    {
        var error = Assert.Throws<HandlerTooLargeException>(() => Packages.Build(Huge(), limit: HandlerSizeLimit.ViewerTriggers));

        Assert.Contains("over the Lambda@Edge limit of 1,048,576 bytes (1 MB) for viewer triggers", error.Message);
    }

    // 100,000 rules: 1.2 MB zipped without index.bin, 2.6 MB with it.
    private static RulesDocument Huge(int count = 100_000) => new()
    {
        Redirects = [.. Enumerable.Range(0, count).Select(i => new RedirectRule
        {
            Id = $"r{i}",
            Path = i % 4 == 0 ? $"/shows/s{i}/*" : $"/shows/title-{i}",
            Location = $"https://www.example.com/new/{i}/",
        })],
    };

    private static RulesDocument Large(Random random) => new()
    {
        Redirects = [.. Enumerable.Range(0, 2_000).Select(i => new RedirectRule
        {
            Id = $"redirect-{i}",
            Path = i % 3 == 0 ? $"/deep/a{i % 7}/b{i % 11}/c{i}/*" : RandomDocuments.Pattern(random),
            Countries = i % 2 == 0 ? [] : [RandomDocuments.Countries[i % RandomDocuments.Countries.Length]],
            Location = "https://www.example.com/",
        })],
        Cache = [.. Enumerable.Range(0, 500).Select(i => new CacheRule { Id = $"cache-{i}", Path = RandomDocuments.Pattern(random), MaxAge = 60 })],
    };

    private static async Task<string[]> CompareAsync(List<RulesDocument> documents)
    {
        var root = Path.Combine(Path.GetTempPath(), "edgeportal-layouts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var folders = documents.Select((document, i) =>
            {
                var folder = Path.Combine(root, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                HandlerPackage.ExtractTo(Packages.Build(document).Zip, folder);
                return folder;
            }).ToList();
            var output = await TestScripts.RunAsync("layouts.mjs", JsonSerializer.Serialize(folders));
            return output.Split('\n');
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

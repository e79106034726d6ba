using System.Text.Json;
using EdgePortal.Edge.Build;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>
/// rules.bin's strings are decoded on first use: loading decodes none (a cold start pays for no text),
/// a request decodes its index's patterns and the one location it answers with, and the answer is the
/// document's.
/// </summary>
public sealed class LazyStringsTests
{
    [Fact]
    public async Task Load_ThenOneRedirect_DecodesOnlyThePatternsAndThatLocation()
    {
        var document = new RulesDocument
        {
            Redirects = [.. Enumerable.Range(0, 20).Select(i => new RedirectRule
            {
                Id = $"r{i}",
                Path = $"/shows/title-{i}",
                Location = $"https://www.example.com/new/{i}/",
            })],
            Cache = [new CacheRule { Id = "c", Path = "/assets/*", MaxAge = 60 }],
        };

        var answer = await RunAsync(document, """{ "uri": "/shows/title-7", "country": "US" }""");

        Assert.Equal("https://www.example.com/new/7/", answer.GetProperty("location").GetString());
        Assert.Equal(0, answer.GetProperty("decodedAtLoad").GetInt32());
        // The request index's text and one location, of both texts, 20 locations and one Cache-Control value.
        Assert.Equal(2, answer.GetProperty("decodedAfter").GetInt32());
        Assert.Equal(23, answer.GetProperty("strings").GetInt32());
    }

    private static async Task<JsonElement> RunAsync(RulesDocument document, string request)
    {
        var directory = Path.Combine(Path.GetTempPath(), "edgeportal-lazy-" + Guid.NewGuid().ToString("N"));
        try
        {
            HandlerPackage.ExtractTo(Packages.Build(document).Zip, directory);
            using var output = JsonDocument.Parse(await TestScripts.RunAsync("lazy-strings.mjs", request, directory));
            return output.RootElement.Clone();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

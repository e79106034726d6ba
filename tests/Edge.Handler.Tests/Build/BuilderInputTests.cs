using EdgePortal.Edge.Build;
using EdgePortal.Edge.Tests.Handler;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Build;

/// <summary>Inputs the builder refuses, and packages too large for Lambda@Edge.</summary>
public sealed class BuilderInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("rev 1")]
    [InlineData("rev\n1")]
    [InlineData("révision")]
    public void Build_RevisionIdNotAHeaderValue_NamesTheField(string revision)
    {
        var error = Assert.Throws<ArgumentException>(() => HandlerBuilder.Build(RulesDocument.Empty, revision, Packages.ShaOf("x")));

        Assert.Equal("revisionId", error.ParamName);
        Assert.Contains("printable ASCII", error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    public void Build_DocumentShaNotLowerHex_NamesTheField(string sha)
    {
        var error = Assert.Throws<ArgumentException>(() => HandlerBuilder.Build(RulesDocument.Empty, "rev-1", sha));

        Assert.Equal("documentSha256", error.ParamName);
    }

    [Fact]
    public void Build_InvalidDocument_RefusesWithEveryProblem()
    {
        var document = new RulesDocument
        {
            Redirects = [new RedirectRule { Id = "a", Path = "no-slash", Location = "https://a.example.com/" }],
            Origins = [new OriginRule { Id = "b", Path = "/*", DomainName = "https://not-a-host/" }],
        };

        var error = Assert.Throws<InvalidRulesDocumentException>(() => HandlerBuilder.Build(document, "rev-1", Packages.ShaOf("x")));

        Assert.Equal(["/redirects/0/path", "/origins/0/domainName"], error.Problems.Select(p => p.Pointer));
        Assert.StartsWith("The rules document is not valid (2 problems), so no handler was built: /redirects/0/path: ", error.Message);
    }

    [Fact]
    public void Build_OverTheViewerLimit_FailsNamingSizeAndLimit()
    {
        // Random hexadecimal paths barely compress: about 3 MB of them cannot fit in 1 MB.
        var random = new Random(3);
        var document = new RulesDocument
        {
            Cache = [.. Enumerable.Range(0, 12_000).Select(i => new CacheRule
            {
                Id = $"c{i}",
                Path = "/" + Convert.ToHexStringLower(RandomBytes(random, 120)),
                MaxAge = 60,
            })],
        };

        var error = Assert.Throws<HandlerTooLargeException>(() =>
            HandlerBuilder.Build(document, "rev-big", Packages.ShaOf("big"), HandlerSizeLimit.ViewerTriggers));

        Assert.Matches(@"^The handler package is [\d,]+ bytes compressed \([\d.]+ MB\), over the Lambda@Edge limit of 1,048,576 bytes \(1 MB\) for viewer triggers\.$", error.Message);
        Assert.True(error.CompressedBytes > HandlerSizeLimit.ViewerTriggers.MaxCompressedBytes);
        Assert.Contains($"{error.CompressedBytes:N0}", error.Message);
        // The same document is fine for origin triggers, the default.
        Assert.True(HandlerBuilder.Build(document, "rev-big", Packages.ShaOf("big")).CompressedBytes < HandlerSizeLimit.OriginTriggers.MaxCompressedBytes);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}

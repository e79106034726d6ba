using CsCheck;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Rules.Tests.Generators;

public class DocumentGeneratorTests
{
    [Fact]
    public void Document_CoversEverySectionAndWildcards()
    {
        var documents = DocumentGenerator.Document.Array[300].Single();

        Assert.Contains(documents, d => d.Geo?.Mode == GeoMode.Allow);
        Assert.Contains(documents, d => d.Geo?.Mode == GeoMode.Block);
        Assert.Contains(documents, d => d.BlockedResponse is not null);
        Assert.Contains(documents, d => d.Access.Count >= 2);
        Assert.Contains(documents, d => d.Redirects.Count >= 2);
        Assert.Contains(documents, d => d.Origins.Count >= 2);
        Assert.Contains(documents, d => d.Cache.Any(c => c.NoStore == true));
        var paths = documents.SelectMany(d => d.Rules(RuleSection.Redirects).Concat(d.Rules(RuleSection.Cache))).Select(r => r.Path).ToList();
        Assert.Contains(paths, p => p.Contains('*'));
        Assert.Contains(paths, p => p.Contains('?'));
        Assert.Contains(paths, p => p == "/");
    }

    [Fact]
    public void Request_CoversBothEventsAndEveryKindOfCountry()
    {
        var requests = DocumentGenerator.Request.Array[500].Single();

        Assert.Contains(requests, r => r.Event == EdgeEvent.OriginRequest);
        Assert.Contains(requests, r => r.Event == EdgeEvent.OriginResponse && r.ResponseCacheControl is not null);
        Assert.Contains(requests, r => r.Country is null);
        Assert.Contains(requests, r => r.Country == "");
        Assert.Contains(requests, r => r.Country == DocumentGenerator.OtherCountry);
        Assert.Contains(requests, r => r.Country is { } c && c != c.ToUpperInvariant());
        Assert.Contains(requests, r => r.QueryString.Length > 0);
    }
}

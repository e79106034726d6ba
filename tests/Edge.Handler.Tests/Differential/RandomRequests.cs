using System.Text;
using EdgePortal.Rules.Document;
using EdgePortal.Rules.Evaluation;

namespace EdgePortal.Edge.Tests.Differential;

/// <summary>
/// Random requests aimed at a document: most URIs are made from one of its patterns (wildcards filled
/// in), so rules match and compete; countries are sometimes absent, empty, lower case or unknown.
/// </summary>
internal static class RandomRequests
{
    private static readonly string[] _countryHeaders = ["us", "de", "Ca", "ZZ", "usa", "é", "u", " US"];
    private static readonly string[] _queries = ["", "", "a=1", "x=1&y=2", "q=%20b", "=", "?"];
    private static readonly string?[] _cacheControls = [null, null, "", "max-age=5", "no-cache, no-store"];
    private const string FillCharacters = "ab/.-x?";

    public static RequestCase Next(Random random, RulesDocument document)
    {
        var patterns = document.Access.Select(r => r.Path)
            .Concat(document.Redirects.Select(r => r.Path))
            .Concat(document.Origins.Select(r => r.Path))
            .Concat(document.Cache.Select(r => r.Path))
            .ToList();
        var uri = patterns.Count > 0 && random.Next(5) < 3
            ? FromPattern(random, RandomDocuments.Pick(random, patterns))
            : RandomDocuments.Pattern(random).Replace('*', 'z').Replace('?', 'q');
        var responseEvent = random.Next(4) == 0;
        var request = new EdgeRequest
        {
            Uri = uri,
            Country = Country(random),
            QueryString = RandomDocuments.Pick(random, _queries),
            Event = responseEvent ? EdgeEvent.OriginResponse : EdgeEvent.OriginRequest,
            ResponseCacheControl = responseEvent ? RandomDocuments.Pick(random, _cacheControls) : null,
        };
        return new RequestCase(request, RandomDocuments.Pick(random, Enum.GetValues<OriginKind>()));
    }

    /// <summary>A URI the pattern matches: each '*' becomes zero to three characters, each '?' one.</summary>
    public static string FromPattern(Random random, string pattern)
    {
        var uri = new StringBuilder();
        foreach (var c in pattern)
        {
            var count = c switch { '*' => random.Next(4), '?' => 1, _ => -1 };
            if (count < 0)
            {
                uri.Append(c);
                continue;
            }
            for (var i = 0; i < count; i++)
            {
                uri.Append(FillCharacters[random.Next(FillCharacters.Length)]);
            }
        }
        return uri.ToString();
    }

    private static string? Country(Random random) => random.Next(20) switch
    {
        < 3 => null,
        3 => "",
        < 7 => RandomDocuments.Pick(random, _countryHeaders),
        _ => RandomDocuments.Pick(random, RandomDocuments.Countries),
    };
}

using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using EdgePortal.Rules.Matching;

namespace EdgePortal.Rules.Tests.Matching;

public class PathPatternTests
{
    [Theory]
    [InlineData("/*", "/", true)]
    [InlineData("/*", "/a/b/c.mp4", true)]
    [InlineData("/video/*", "/video/", true)]
    [InlineData("/video/*", "/video", false)]
    [InlineData("/video/*", "/Video/1", false)]
    [InlineData("/a?c", "/abc", true)]
    [InlineData("/a?c", "/ac", false)]
    [InlineData("/a?c", "/abbc", false)]
    [InlineData("/*.mp4", "/x/y.mp4", true)]
    [InlineData("/*.mp4", "/x/y.mp4.bak", false)]
    [InlineData("/a*b*c", "/aXbYbZc", true)]
    [InlineData("/a*b*c", "/aXcYb", false)]
    [InlineData("/exact", "/exact", true)]
    [InlineData("/exact", "/exact/", false)]
    [InlineData("/*/live/*", "/de/live/1", true)]
    [InlineData("/**", "/", true)]
    public void IsMatch_Examples_MatchWholeUriCaseSensitively(string pattern, string uri, bool expected)
    {
        Assert.Equal(expected, PathPattern.IsMatch(pattern, uri));
        Assert.Equal(expected, PathPattern.Compile(pattern).IsMatch(uri));
    }

    [Theory]
    [InlineData("/exact", PatternKind.Exact, "/exact")]
    [InlineData("/video/*", PatternKind.Prefix, "/video/")]
    [InlineData("/v?deo/*", PatternKind.General, "/v")]
    [InlineData("/*.mp4", PatternKind.General, "/")]
    public void Compile_Pattern_KnowsItsShape(string pattern, PatternKind kind, string prefix)
    {
        var compiled = PathPattern.Compile(pattern);
        Assert.Equal(kind, compiled.Kind);
        Assert.Equal(prefix, compiled.LiteralPrefix);
    }

    [Fact]
    public void IsMatch_RandomPatternsAndUris_AgreesWithRegexOracle()
    {
        var alphabet = Gen.OneOf('a', 'b', '/', '.');
        var patternChar = Gen.Frequency((6, (IGen<char>)alphabet), (2, Gen.Const('*')), (2, Gen.Const('?')));
        var pattern = patternChar.Array[0, 8].Select(cs => "/" + new string(cs));
        var uri = alphabet.Array[0, 10].Select(cs => "/" + new string(cs));
        Gen.Select(pattern, uri).Sample((p, u) =>
            PathPattern.IsMatch(p, u) == Oracle(p, u) && PathPattern.Compile(p).IsMatch(u) == Oracle(p, u),
            iter: 20_000);
    }

    [Fact]
    public void IsMatch_UriBuiltFromPattern_Matches()
    {
        // Replacing each * with any text and each ? with one character gives a URI the pattern matches.
        var piece = Gen.OneOf("a", "b/", "", "c.d");
        var pattern = Gen.OneOf("x", "*", "?", "/", "y").Array[0, 8].Select(parts => "/" + string.Concat(parts));
        Gen.Select(pattern, piece.Array[8]).Sample((p, fills) =>
        {
            var uri = new StringBuilder();
            var i = 0;
            foreach (var c in p)
            {
                uri.Append(c switch { '*' => fills[i++ % fills.Length], '?' => "q", _ => c.ToString() });
            }
            return PathPattern.IsMatch(p, uri.ToString());
        }, iter: 5_000);
    }

    private static bool Oracle(string pattern, string uri)
    {
        var regex = "^" + string.Concat(pattern.Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "$";
        return Regex.IsMatch(uri, regex, RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}

using CsCheck;
using EdgePortal.Rules.Lint;
using EdgePortal.Rules.Matching;

namespace EdgePortal.Rules.Tests.Lint;

public class PatternAlgebraTests
{
    // Every URI over a small alphabet up to four characters after the leading slash.
    private static readonly string[] SmallUris = [.. Enumerable.Range(0, 5).SelectMany(n => Words(n)).Select(w => "/" + w)];

    private static readonly Gen<string> Pattern =
        Gen.OneOf("a", "b", "/", "*", "?", ".", "ab").Array[0, 4].Select(tokens => "/" + string.Concat(tokens));

    [Theory]
    [InlineData("/*", "/video/*")]
    [InlineData("/video/*", "/video/*.mp4")]
    [InlineData("/video/*", "/video/a?c")]
    [InlineData("/*.jpg", "/img/*.jpg")]
    [InlineData("/a*b", "/a*b*b")]
    [InlineData("/?*", "/a*")]
    [InlineData("/exact", "/exact")]
    public void Covers_WiderPattern_IsTrue(string outer, string inner) => Assert.True(PatternAlgebra.Covers(outer, inner));

    [Theory]
    [InlineData("/video/*", "/*")]
    [InlineData("/img/*.jpg", "/img/*")]
    [InlineData("/a?", "/a*")]
    [InlineData("/a*b", "/a*")]
    [InlineData("/Video/*", "/video/*")]
    [InlineData("/?*", "/*")]
    public void Covers_NarrowerOrOtherPattern_IsFalse(string outer, string inner) => Assert.False(PatternAlgebra.Covers(outer, inner));

    [Theory]
    [InlineData("/img/*.jpg", "/img/*.png", false)]
    [InlineData("/a/*", "/b/*", false)]
    [InlineData("/a?", "/abc", false)]
    [InlineData("/a/*", "/*/b", true)]
    [InlineData("/*.jpg", "/img/*", true)]
    public void Intersects_KnownPairs_Answers(string first, string second, bool expected) =>
        Assert.Equal(expected, PatternAlgebra.Intersects(first, second));

    [Fact]
    public void Covers_RandomPatterns_AgreesWithEveryShortUri() =>
        Gen.Select(Pattern, Pattern).Sample((outer, inner) =>
        {
            var counterexample = SmallUris.FirstOrDefault(u => PathPattern.IsMatch(inner, u) && !PathPattern.IsMatch(outer, u));
            // A counterexample proves "not covered"; the check must never claim coverage wrongly.
            return counterexample is null || !PatternAlgebra.Covers(outer, inner);
        }, iter: 2_000);

    [Fact]
    public void Intersects_RandomPatterns_FindsEveryShortCommonUri() =>
        Gen.Select(Pattern, Pattern).Sample((first, second) =>
        {
            var common = SmallUris.Any(u => PathPattern.IsMatch(first, u) && PathPattern.IsMatch(second, u));
            return !common || PatternAlgebra.Intersects(first, second);
        }, iter: 2_000);

    [Fact]
    public void Covers_PatternBuiltByNarrowing_IsCovered() =>
        // Replacing a * by a literal, a ? or "*x*" only narrows a pattern.
        Gen.Select(Pattern, Gen.OneOf("a", "?", "*b*", "")).Sample((outer, fill) =>
        {
            var star = outer.IndexOf('*');
            var inner = star < 0 ? outer : outer[..star] + fill + outer[(star + 1)..];
            return PatternAlgebra.Covers(outer, inner);
        }, iter: 2_000);

    private static IEnumerable<string> Words(int length) => length == 0
        ? [""]
        : Words(length - 1).SelectMany(w => "ab/.x".Select(c => w + c));
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Validation;

public class CacheValidationTests
{
    [Fact]
    public void Validate_EveryDirectiveThatCombines_IsValid() =>
        Valid.NoProblem(Valid.With(Valid.Cache with
        {
            MaxAge = 0, SMaxAge = 31536000, StaleWhileRevalidate = 300, StaleIfError = 86400,
            Public = true, NoCache = true, Immutable = true, Mode = CacheMode.Default,
        }));

    [Fact]
    public void Validate_RuleWithoutDirectives_IsValid() =>
        Valid.NoProblem(Valid.With(new CacheRule { Id = "none", Path = "/*" }));

    [Theory]
    [InlineData("maxAge")]
    [InlineData("sMaxAge")]
    [InlineData("staleWhileRevalidate")]
    [InlineData("staleIfError")]
    public void Validate_SecondsOutOfRange_NamesTheDirectiveAndTheRange(string name)
    {
        var rule = name switch
        {
            "maxAge" => Valid.Cache with { MaxAge = -1 },
            "sMaxAge" => Valid.Cache with { SMaxAge = 31536001 },
            "staleWhileRevalidate" => Valid.Cache with { StaleWhileRevalidate = -1 },
            _ => Valid.Cache with { StaleIfError = int.MaxValue },
        };

        Valid.SingleProblem(Valid.With(rule), $"/cache/0/{name}", $"{name} must be a whole number from 0 to 31536000");
    }

    [Fact]
    public void Validate_NoStoreAlone_IsValid() =>
        Valid.NoProblem(Valid.With(new CacheRule { Id = "api", Path = "/api/*", NoStore = true, Public = false, Mode = CacheMode.Override }));

    [Fact]
    public void Validate_NoStoreWithOtherDirectives_PointsAtEachOfThem()
    {
        var rule = new CacheRule
        {
            Id = "api", Path = "/api/*", NoStore = true, MaxAge = 0, SMaxAge = 1, StaleWhileRevalidate = 1, StaleIfError = 1,
            Public = true, Private = true, NoCache = true, Immutable = true,
        };

        var problems = DocumentValidator.Validate(Valid.With(rule));

        Assert.Equal(
            ["maxAge", "sMaxAge", "staleWhileRevalidate", "staleIfError", "public", "private", "noCache", "immutable"],
            problems.Select(p => p.Pointer["/cache/0/".Length..]));
        Assert.All(problems, p => Assert.StartsWith("noStore excludes every other directive", p.Message));
    }

    [Fact]
    public void Validate_PrivateWithSMaxAge_IsAnError() =>
        Valid.SingleProblem(Valid.With(Valid.Cache with { Private = true, SMaxAge = 60 }), "/cache/0/sMaxAge", "private excludes sMaxAge");

    [Fact]
    public void Validate_PrivateWithPublic_IsAnError() =>
        Valid.SingleProblem(Valid.With(Valid.Cache with { Private = true, Public = true }), "/cache/0/public", "private and public exclude each other");

    [Fact]
    public void Validate_PrivateWithMaxAgeAndPublicFalse_IsValid() =>
        Valid.NoProblem(Valid.With(Valid.Cache with { Private = true, Public = false, NoCache = true }));
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Validation;

/// <summary>Valid building blocks that each test spoils in exactly one way.</summary>
public static class Valid
{
    public static readonly AccessRule Access = new() { Id = "dach", Path = "/live/*", Mode = AccessMode.Allow, Countries = ["DE", "AT", "CH"] };

    public static readonly RedirectRule Redirect = new() { Id = "ca", Path = "/*", Countries = ["CA"], Location = "https://ca.example.com/" };

    public static readonly OriginRule Origin = new() { Id = "eu", Path = "/library/*", DomainName = "eu-library.example.com" };

    public static readonly CacheRule Cache = new() { Id = "video", Path = "/video/*", MaxAge = 86400 };

    public static RulesDocument With(AccessRule rule) => new() { Access = [rule] };

    public static RulesDocument With(RedirectRule rule) => new() { Redirects = [rule] };

    public static RulesDocument With(OriginRule rule) => new() { Origins = [rule] };

    public static RulesDocument With(CacheRule rule) => new() { Cache = [rule] };

    /// <summary>Validates and asserts there is exactly one problem, at <paramref name="pointer"/>, whose message contains every fragment.</summary>
    public static Problem SingleProblem(RulesDocument document, string pointer, params string[] fragments)
    {
        var problem = Assert.Single(DocumentValidator.Validate(document));
        Assert.Equal(pointer, problem.Pointer);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, problem.Message);
        }
        return problem;
    }

    public static void NoProblem(RulesDocument document) => Assert.Empty(DocumentValidator.Validate(document));
}

using EdgePortal.Rules.Document;
using EdgePortal.Rules.Validation;

namespace EdgePortal.Rules.Tests.Document;

internal static class ParseAssert
{
    /// <summary>Wraps the properties in a document with the right schema.</summary>
    public static string Doc(string members) => "{\"schema\": \"edgeportal.rules/v1\", " + members + "}";

    public static Problem SingleProblem(string json, string pointer, params string[] fragments)
    {
        var result = RulesDocumentJson.Parse(json);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(pointer, problem.Pointer);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, problem.Message);
        }
        Assert.False(result.IsValid);
        return problem;
    }
}

using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Tests.Document;

public class RulesDocumentJsonMalformedTests
{
    [Fact]
    public void Parse_MalformedJson_NamesLineAndPosition()
    {
        var result = RulesDocumentJson.Parse("{\n  \"schema\": \"edgeportal.rules/v1\",\n  \"geo\": }\n");

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Document);
        Assert.Equal("", problem.Pointer);
        Assert.StartsWith("not valid JSON at line 3, position 10: ", problem.Message);
        Assert.DoesNotContain("LineNumber", problem.Message);
    }

    [Theory]
    [InlineData("{\"schema\": \"edgeportal.rules/v1\",}")]
    [InlineData("{\"schema\": \"edgeportal.rules/v1\" // note\n}")]
    [InlineData("{'schema': 'edgeportal.rules/v1'}")]
    [InlineData("{\"schema\": \"edgeportal.rules/v1\"} {}")]
    [InlineData("{\"schema\": \"edgeportal.rules/v1\"")]
    public void Parse_NotStrictJson_IsMalformed(string json)
    {
        var result = RulesDocumentJson.Parse(json);

        Assert.Null(result.Document);
        Assert.StartsWith("not valid JSON at line 1, position ", Assert.Single(result.Problems).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Parse_EmptyText_SaysTheDocumentIsEmpty(string json)
    {
        var result = RulesDocumentJson.Parse(json);

        Assert.Null(result.Document);
        Assert.StartsWith("the document is empty", Assert.Single(result.Problems).Message);
    }

    [Theory]
    [InlineData("[]", "not a list")]
    [InlineData("\"edgeportal.rules/v1\"", "not the string \"edgeportal.rules/v1\"")]
    [InlineData("null", "not null")]
    [InlineData("42", "not 42")]
    public void Parse_RootNotAnObject_SaysADocumentIsAnObject(string json, string fragment)
    {
        var result = RulesDocumentJson.Parse(json);

        Assert.Null(result.Document);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("", problem.Pointer);
        Assert.Contains("a rules document must be a JSON object", problem.Message);
        Assert.Contains(fragment, problem.Message);
    }
}

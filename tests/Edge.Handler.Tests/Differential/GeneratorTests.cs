using EdgePortal.Rules.Validation;

namespace EdgePortal.Edge.Tests.Differential;

/// <summary>The random documents are valid (the builder refuses anything else), and they do collide.</summary>
public sealed class GeneratorTests
{
    [Fact]
    public void RandomDocuments_AreValid()
    {
        var random = new Random(11);
        var problems = Enumerable.Range(0, 500).SelectMany(_ => DocumentValidator.Validate(RandomDocuments.Next(random))).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => p.ToString()).Distinct().Take(20)));
    }
}

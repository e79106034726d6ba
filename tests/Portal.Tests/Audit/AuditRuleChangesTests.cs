using System.Text.Json.Nodes;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Tests.Audit;

public sealed class AuditRuleChangesTests
{
    [Fact]
    public void Describe_HugeImport_StaysUnderTheEventLimitAndCountsTheRest()
    {
        var rules = Enumerable.Range(0, 5000).Select(i => new AccessRule { Id = $"rule-{i}", Path = $"/t{i}/*", Mode = AccessMode.Allow, Countries = ["CA"] });

        var details = AuditRuleChanges.Describe(RulesDocument.Empty, RulesDocument.Empty with { Access = [.. rules] });

        Assert.True(details.ToJsonString().Length < AuditText.MaxDetails, $"{details.ToJsonString().Length} characters");
        Assert.Equal(5000, details["counts"]!["access"]!.GetValue<int>());
        var changes = details["changes"]!.AsArray();
        Assert.NotNull(changes[0]!["after"]);
        Assert.Null(changes[^1]!["after"]);
        Assert.Equal($"and {5000 - changes.Count:N0} more", details["more"]!.GetValue<string>());
        Assert.Equal(changes.Count, AuditRuleChanges.Named(new JsonObject { ["rules"] = details.DeepClone() }).Count());
    }

    [Fact]
    public void Named_OlderDetailsWithRuleCount_NamesNothing()
    {
        Assert.Empty(AuditRuleChanges.Named(JsonNode.Parse("""{"op":"document.saved","rules":4}""")));
        Assert.Empty(AuditRuleChanges.Named(JsonNode.Parse("[1,2]")));
    }
}

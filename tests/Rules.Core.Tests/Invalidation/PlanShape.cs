using EdgePortal.Rules.Invalidation;

namespace EdgePortal.Rules.Tests.Invalidation;

/// <summary>What every plan must look like, whatever the documents.</summary>
internal static class PlanShape
{
    public static void AssertWellFormed(InvalidationPlan plan, InvalidationLimits limits)
    {
        Assert.True(plan.Paths.Count <= limits.MaxPaths, $"{plan.Paths.Count} paths, limit {limits.MaxPaths}");
        Assert.True(plan.WildcardCount <= limits.MaxWildcardPaths, $"{plan.WildcardCount} wildcard paths, limit {limits.MaxWildcardPaths}");
        Assert.Equal(plan.Paths.Count, plan.BilledPaths);
        foreach (var path in plan.Paths)
        {
            Assert.StartsWith("/", path.Path);
            Assert.True(path.Path.IndexOf('*') is var star && (star < 0 || star == path.Path.Length - 1), $"* inside {path.Path}");
            Assert.NotEmpty(path.Reasons);
            foreach (var other in plan.Paths.Where(o => o != path && o.IsWildcard))
            {
                Assert.False(path.Path.TrimEnd('*').StartsWith(other.Path[..^1], StringComparison.Ordinal), $"{path.Path} is covered by {other.Path}");
            }
        }
    }
}

using System.Globalization;
using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Invalidation;

/// <summary>Plans the CloudFront invalidation that follows a publish.</summary>
public static class InvalidationPlanner
{
    /// <summary>
    /// The paths to invalidate when <paramref name="new"/> replaces <paramref name="old"/> at the edge: every URI
    /// whose answer may differ for some country, query string or origin response is covered, no path is covered
    /// by another, and the plan stays within <paramref name="limits"/> (CloudFront's by default) by merging paths
    /// into common prefixes, as a last resort <c>/*</c>, saying so in the notes. Equal documents give an empty plan.
    /// </summary>
    public static InvalidationPlan Plan(RulesDocument old, RulesDocument @new, InvalidationLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        limits ??= InvalidationLimits.Default;
        if (limits.MaxWildcardPaths < 1 || limits.MaxPaths < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limits), limits, "An invalidation must be allowed at least one path and one wildcard path.");
        }
        if (old == @new)
        {
            return InvalidationPlan.Empty;
        }
        var wanted = new List<(string Path, string[] Reasons)>();
        var notes = new List<string>();
        GlobalScope.Collect(old, @new, wanted, notes);
        foreach (var section in RuleSections.All)
        {
            SectionScope.Collect(section, old.Rules(section), @new.Rules(section), wanted);
        }
        var set = new PathSet();
        foreach (var (path, reasons) in wanted)
        {
            set.Add(limits.QueryStringsInCacheKey && !path.EndsWith('*') ? path + "*" : path, reasons);
        }
        set.Normalize();
        var coarsened = Coarsen(set, limits, notes);
        if (set.Contains("/*") && !coarsened && notes.Count == 0)
        {
            notes.Add("A changed rule matches every URI, so /* is planned.");
        }
        var paths = set.Paths().Select(p => new PlannedPath(p.Path, [.. p.Reasons])).ToList();
        if (paths.Any(p => !p.IsWildcard))
        {
            notes.Add("Exact paths invalidate only the copy cached without a query string; if the distribution's cache key holds query strings, plan with query strings in the cache key.");
        }
        return new InvalidationPlan([.. paths], coarsened, [.. notes]);
    }

    private static bool Coarsen(PathSet set, InvalidationLimits limits, List<string> notes)
    {
        var (paths, wildcards) = (set.Count, set.WildcardCount);
        var merged = new List<string>();
        while (set.Count > limits.MaxPaths && set.MergeClosest(wildcardsOnly: false) is { } path)
        {
            merged.Add(path);
        }
        while (set.WildcardCount > limits.MaxWildcardPaths && set.MergeClosest(wildcardsOnly: true) is { } path)
        {
            merged.Add(path);
        }
        if (merged.Count == 0)
        {
            return false;
        }
        var kept = merged.Where(set.Contains).Distinct().ToList();
        var shown = kept.Count <= 10 ? string.Join(", ", kept) : $"{string.Join(", ", kept.Take(10))} and {kept.Count - 10} more";
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"The change needs {paths} paths ({wildcards} wildcard), more than the limits allow ({limits.MaxPaths} paths, {limits.MaxWildcardPaths} wildcard): paths were merged into common prefixes ({shown})."));
        if (set.Contains("/*"))
        {
            notes.Add("As a last resort everything is invalidated (/*).");
        }
        return true;
    }
}

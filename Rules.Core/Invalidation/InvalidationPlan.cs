using EdgePortal.Rules.Document;

namespace EdgePortal.Rules.Invalidation;

/// <summary>
/// What the planner must respect about the distribution: how much one invalidation may hold (CloudFront allows
/// 15 wildcard paths and 3,000 paths in progress at a time; <see cref="MaxPaths"/> counts every path of the plan,
/// wildcards included), and whether the cache key holds query strings. When it does, CloudFront keeps one copy
/// per query string and an exact path invalidates only the copy without one, so each exact path gets a
/// trailing <c>*</c> instead.
/// </summary>
public sealed record InvalidationLimits(int MaxWildcardPaths = 15, int MaxPaths = 3000, bool QueryStringsInCacheKey = false)
{
    /// <summary>CloudFront's own limits, query strings not in the cache key.</summary>
    public static InvalidationLimits Default { get; } = new();
}

/// <summary>
/// One invalidation path (starts with <c>/</c>; a <c>*</c> only at the end) and why it is planned: the rules
/// whose change makes answers under it differ, as <c>section/id</c> (<c>redirects/ca-home</c>), or
/// <c>geo</c> / <c>blockedResponse</c>.
/// </summary>
public sealed record PlannedPath(string Path, EquatableArray<string> Reasons)
{
    /// <summary>True for a path ending in <c>*</c>.</summary>
    public bool IsWildcard => Path.EndsWith('*');

    /// <summary>
    /// True when invalidating this path removes the cached answer for <paramref name="uri"/> (paths are
    /// case-sensitive; a wildcard path covers every URI starting with what precedes the <c>*</c>).
    /// </summary>
    public bool Covers(string uri) => IsWildcard ? uri.StartsWith(Path[..^1], StringComparison.Ordinal) : uri == Path;
}

/// <summary>
/// The invalidation to send after a publish: paths that together cover every URI whose answer may differ
/// between the two documents, for any country, query string or origin response.
/// </summary>
public sealed record InvalidationPlan(EquatableArray<PlannedPath> Paths, bool Coarsened, EquatableArray<string> Notes)
{
    /// <summary>Nothing to invalidate.</summary>
    public static InvalidationPlan Empty { get; } = new([], false, []);

    public bool IsEmpty => Paths.IsEmpty;

    /// <summary>Paths ending in <c>*</c>.</summary>
    public int WildcardCount => Paths.Count(p => p.IsWildcard);

    /// <summary>Exact file paths.</summary>
    public int FileCount => Paths.Count - WildcardCount;

    /// <summary>Paths CloudFront bills (past the free 1,000 a month): each path counts one, a wildcard too.</summary>
    public int BilledPaths => Paths.Count;

    /// <summary>True when some planned path covers <paramref name="uri"/>.</summary>
    public bool Covers(string uri) => Paths.Any(p => p.Covers(uri));
}

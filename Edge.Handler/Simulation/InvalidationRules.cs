using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Simulation;

/// <summary>
/// CloudFront's rules for an invalidation batch and for what may be in progress at once. A path must start with
/// <c>/</c>, have <c>*</c> only at the end, be at most 4,000 characters, and carry spaces, control and non-ASCII
/// characters URL-encoded (the developer guide's "Specifying the objects to invalidate").
/// </summary>
internal static class InvalidationRules
{
    public const int MaxPathLength = 4000;
    public const int MaxInProgressFilePaths = 3000;
    public const int MaxInProgressWildcardPaths = 15;

    public static void Check(IReadOnlyList<string> paths, string callerReference, IEnumerable<InvalidationRecord> inProgress)
    {
        if (string.IsNullOrEmpty(callerReference))
        {
            throw Invalid(AwsErrorCodes.InvalidArgument, "CallerReference is required.");
        }

        if (paths.Count == 0)
        {
            throw Invalid(AwsErrorCodes.InvalidArgument, "Your request contains no invalidation paths.");
        }

        foreach (var path in paths)
        {
            var star = path.IndexOf('*', StringComparison.Ordinal);
            if (!path.StartsWith('/') || path.Length > MaxPathLength || (star >= 0 && star != path.Length - 1)
                || InvalidationPathEncoding.HasUnencoded(path))
            {
                throw Invalid(AwsErrorCodes.InvalidArgument, $"Your request contains one or more invalid invalidation paths: {path}");
            }
        }

        var running = inProgress.SelectMany(i => i.Paths).Concat(paths).ToList();
        var wildcards = running.Count(p => p.EndsWith('*'));
        if (paths.Count(p => !p.EndsWith('*')) > MaxInProgressFilePaths)
        {
            throw SimulationException.CloudFront("BatchTooLarge", "Invalidation batch specified is too large.", 413);
        }

        if (wildcards > MaxInProgressWildcardPaths || running.Count - wildcards > MaxInProgressFilePaths)
        {
            throw Invalid(AwsErrorCodes.TooManyInvalidationsInProgress,
                "Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.");
        }
    }

    private static SimulationException Invalid(string code, string message) => SimulationException.CloudFront(code, message, 400);
}

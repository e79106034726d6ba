using EdgePortal.Edge.Build;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>Checks a publish request before anything is recorded; each problem names its field.</summary>
public static class PublishRequestValidator
{
    // The handler runs at origin events only: the country header exists there and nowhere else.
    private static readonly string[] _eventTypes = ["origin-request", "origin-response"];

    public static IReadOnlyList<string> Validate(PublishRequest request)
    {
        var problems = new List<string>();
        var target = request.Target;
        Require(problems, target.Name, "target.name");
        Require(problems, target.FunctionName, "target.functionName");
        Require(problems, target.DistributionId, "target.distributionId");
        Require(problems, request.RevisionId, "revisionId");
        Require(problems, request.CodeSha256, "codeSha256");
        if (target.CacheBehaviors.IsEmpty)
        {
            problems.Add("target.cacheBehaviors: at least one cache behaviour must be associated.");
        }
        foreach (var eventType in target.EventTypes.Where(e => !_eventTypes.Contains(e)))
        {
            problems.Add($"target.eventTypes: '{eventType}' is not one the handler runs at (origin-request, origin-response).");
        }
        if (target.EventTypes.IsEmpty || target.EventTypes.Distinct().Count() != target.EventTypes.Count)
        {
            problems.Add("target.eventTypes: list each event type once, and at least one.");
        }
        if (request.Kind == PublishKind.Publish && request.PackageZip.Length == 0)
        {
            problems.Add("packageZip: a publish needs the built package (only a rollback may leave it empty).");
        }
        if (request.PackageZip.Length > 0 && PackageDigest.Of(request.PackageZip).CodeSha256 is var actual && actual != request.CodeSha256)
        {
            problems.Add($"codeSha256: the package's SHA-256 is {actual}, not {request.CodeSha256}.");
        }
        ValidatePaths(problems, request);
        ValidateGeo(problems, request.GeoRestriction);
        return problems;
    }

    private static void ValidatePaths(List<string> problems, PublishRequest request)
    {
        var paths = request.InvalidationPaths;
        var limits = request.Target.InvalidationLimits;
        foreach (var path in paths)
        {
            // CloudFront counts the path as sent, with its unsafe characters URL-encoded.
            if (!path.StartsWith('/') || InvalidationPathEncoding.Encode(path).Length > 4000
                || path.IndexOf('*') is var star && star >= 0 && star != path.Length - 1)
            {
                problems.Add($"invalidationPaths: '{path}' must start with '/', have '*' only at the end and be at most 4,000 characters once URL-encoded.");
            }
        }
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Count)
        {
            problems.Add("invalidationPaths: a path is listed twice.");
        }
        if (paths.Count > limits.MaxPaths)
        {
            problems.Add($"invalidationPaths: {paths.Count} paths is over the target's limit of {limits.MaxPaths}.");
        }
        var wildcards = paths.Count(p => p.EndsWith('*'));
        if (wildcards > limits.MaxWildcardPaths)
        {
            problems.Add($"invalidationPaths: {wildcards} wildcard paths is over the target's limit of {limits.MaxWildcardPaths}.");
        }
    }

    private static void ValidateGeo(List<string> problems, GeoRestrictionSetting? geo)
    {
        if (geo is null)
        {
            return;
        }
        if (geo.RestrictionType is not ("none" or "whitelist" or "blacklist"))
        {
            problems.Add($"geoRestriction.restrictionType: '{geo.RestrictionType}' is not none, whitelist or blacklist.");
        }
        if ((geo.RestrictionType == "none") != (geo.Locations.Count == 0))
        {
            problems.Add("geoRestriction.locations: none takes no countries; whitelist and blacklist need at least one.");
        }
        foreach (var country in geo.Locations.Where(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
        {
            problems.Add($"geoRestriction.locations: '{country}' is not an upper-case ISO 3166-1 alpha-2 code.");
        }
    }

    private static void Require(List<string> problems, string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{field}: required.");
        }
    }
}

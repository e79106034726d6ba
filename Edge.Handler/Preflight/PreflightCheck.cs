using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Edge.Preflight;

/// <summary>
/// The checks before anything is published: the function fits Lambda@Edge, its role trusts edgelambda, the package
/// fits, and every cache behaviour exists with a cache key that holds what the document's answers depend on.
/// It only reads; Test connection, <c>targets check</c> and the first step of every publish all run it. A refusal
/// (no such function, access denied) is a failed check; an error worth retrying (throttling, a 5xx that outlasted the
/// retries, no answer, no credentials; see <see cref="PreflightReads"/>) throws <see cref="PublishFailedException"/> naming the operation, since nothing
/// was learned about the target.
/// </summary>
public static class PreflightCheck
{
    /// <param name="package">The package to publish; null when there is none (Test connection checks the target only).</param>
    /// <param name="reads">How AWS is read; null: <see cref="PreflightReads.Standalone"/>.</param>
    public static async Task<PreflightResult> RunAsync(Target target, ShippingClients clients, CacheKeyNeeds needs, PackageSize? package,
        CancellationToken cancellationToken, PreflightReads? reads = null)
    {
        reads ??= PreflightReads.Standalone();
        var viewerEvents = target.EventTypes.Any(EdgeFunctionLimits.IsViewerEvent);
        var results = new List<CheckResult>();
        try
        {
            var function = await reads.ReadAsync("GetFunctionConfiguration", ct => clients.Lambda.GetFunctionConfigurationAsync(target.FunctionName, null, ct), cancellationToken);
            results.AddRange(FunctionChecks.Check(function, viewerEvents));
            results.Add(await RoleCheck.RunAsync(function.Role, clients.Iam, reads, cancellationToken));
        }
        catch (AwsServiceException error) when (!error.Retryable)
        {
            results.Add(CheckResult.Fail("Function", $"Lambda function {target.FunctionName} could not be read: {error.Message}. Check the name and allow lambda:GetFunctionConfiguration."));
        }
        if (package is not null)
        {
            results.Add(FunctionChecks.Package(package, viewerEvents));
        }
        results.AddRange(await BehaviourChecks.RunAsync(target, clients.CloudFront, needs, reads, cancellationToken));
        return new PreflightResult(results);
    }
}

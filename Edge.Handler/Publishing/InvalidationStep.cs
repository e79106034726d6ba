using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Step 5: invalidate the planned paths, with the deployment id as CallerReference so that a repeat
/// returns the same invalidation instead of a second one.
/// </summary>
internal static class InvalidationStep
{
    public static async Task<StepOutcome> RunAsync(PublishRun run, CancellationToken cancellationToken)
    {
        var id = run.Target.DistributionId;
        var paths = run.Request.InvalidationPaths;
        if (paths.IsEmpty)
        {
            return new StepOutcome(run.Deployment, "The invalidation plan is empty; nothing to invalidate.");
        }
        var encoded = InvalidationPathEncoding.EncodeAll(paths);
        while (true)
        {
            try
            {
                var invalidation = await run.Aws.RunAsync("CreateInvalidation",
                    ct => run.Clients.CloudFront.CreateInvalidationAsync(id, encoded, run.Deployment.Id, ct), cancellationToken);
                return new StepOutcome(run.Deployment with { InvalidationId = invalidation.Id },
                    $"Invalidation {invalidation.Id} of {paths.Count} path(s) is {invalidation.Status}.");
            }
            catch (PublishFailedException full) when (full.Code == AwsErrorCodes.TooManyInvalidationsInProgress)
            {
                // Other invalidations on the distribution finish within minutes; ours must not be dropped.
                await run.WaitAsync(run.Options.DeployedPollInterval,
                    $"Distribution {id} has too many invalidations in progress", record: true, cancellationToken, full);
            }
        }
    }
}

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
        var deadline = run.Aws.Now + run.Options.InvalidationCapacityTimeout;
        while (true)
        {
            try
            {
                var invalidation = await run.Aws.RunAsync("CreateInvalidation",
                    ct => run.Clients.CloudFront.CreateInvalidationAsync(id, paths, run.Deployment.Id, ct), cancellationToken);
                return new StepOutcome(run.Deployment with { InvalidationId = invalidation.Id },
                    $"Invalidation {invalidation.Id} of {paths.Count} path(s) is {invalidation.Status}.");
            }
            catch (PublishFailedException full) when (full.Code == "TooManyInvalidationsInProgress" && run.Aws.Now < deadline)
            {
                // Other invalidations on the distribution finish within minutes; ours must not be dropped.
                await run.NoteAsync($"Distribution {id} has too many invalidations in progress; waiting for them to finish.", cancellationToken);
                await run.Aws.DelayAsync(run.Options.DeployedPollInterval, cancellationToken);
            }
        }
    }
}

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Step 4: wait until the distribution reports Deployed. Invalidating before that would let edges
/// still running the old version fill the caches again with old answers.
/// </summary>
internal static class DeployedStep
{
    public static async Task<StepOutcome> RunAsync(PublishRun run, CancellationToken cancellationToken)
    {
        var id = run.Target.DistributionId;
        var interval = run.Target.Kind == TargetKind.Local ? run.Options.LocalDeployedPollInterval : run.Options.DeployedPollInterval;
        while (true)
        {
            var status = await run.Aws.RunAsync("GetDistribution",
                ct => run.Clients.CloudFront.GetDistributionAsync(id, ct), cancellationToken);
            if (status.IsDeployed)
            {
                return new StepOutcome(run.Deployment, $"Distribution {id} is Deployed.");
            }
            await run.WaitAsync(interval, $"Distribution {id} is still {status.Status}", record: false, cancellationToken);
        }
    }
}

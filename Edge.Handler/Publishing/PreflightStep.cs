using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>Step 0: the preflight. A failing check stops the publish before any Lambda or CloudFront call that changes anything.</summary>
internal static class PreflightStep
{
    public static async Task<StepOutcome> RunAsync(PublishRun run, CancellationToken cancellationToken)
    {
        var package = run.Request.PackageZip.Length == 0 ? null : PackageSize.Of(run.Request.PackageZip);
        var result = await PreflightCheck.RunAsync(run.Target, run.Clients, run.Request.CacheKeyNeeds, package, cancellationToken,
            new PreflightReads(run.Aws.Retry, run.Deadline));
        foreach (var check in result.Checks.Where(c => c.Outcome != CheckOutcome.Passed))
        {
            await run.NoteAsync(check.Outcome == CheckOutcome.Failed ? check.Sentence : "Could not check: " + check.Sentence, cancellationToken);
        }
        var failures = result.Failures;
        if (failures.Count > 0)
        {
            throw new PublishFailedException(
                $"{failures.Count} of {result.Checks.Count} checks failed; nothing was changed. {string.Join(" ", failures.Select(f => f.Sentence))}", AwsErrorCodes.PreflightFailed);
        }
        return new StepOutcome(run.Deployment, $"{result.Checks.Count(c => c.Outcome == CheckOutcome.Passed)} of {result.Checks.Count} checks passed.");
    }
}

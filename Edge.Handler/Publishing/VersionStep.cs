using System.Globalization;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Step 2: a numbered version whose CodeSha256 is the package's. An existing one is reused (a repeat
/// of this step, or a rollback), so the function never gets two versions of the same code from us.
/// </summary>
internal static class VersionStep
{
    public static async Task<StepOutcome> RunAsync(PublishRun run, CancellationToken cancellationToken)
    {
        var lambda = run.Clients.Lambda;
        var name = run.Target.FunctionName;
        var sha = run.Request.CodeSha256;
        var versions = await run.Aws.RunAsync("ListVersionsByFunction",
            ct => lambda.ListVersionsByFunctionAsync(name, ct), cancellationToken);
        var existing = versions
            .Where(v => v.Version != "$LATEST" && v.CodeSha256 == sha && v.State != "Failed")
            .MaxBy(v => long.Parse(v.Version, CultureInfo.InvariantCulture));
        if (existing is not null)
        {
            var ready = await FunctionReadiness.WaitReadyAsync(run, existing.Version, cancellationToken);
            return Done(run, ready, reused: true);
        }
        if (run.Request.Kind == PublishKind.Rollback)
        {
            throw new PublishFailedException(
                $"Rollback needs a version of {name} with CodeSha256 {sha}, and there is none; publish the revision instead.");
        }

        var before = await FunctionReadiness.WaitWritableAsync(run, cancellationToken);
        if (before.LastUpdateStatus == "Failed")
        {
            await run.NoteAsync($"An earlier update of {name} failed ({before.LastUpdateStatusReason ?? "Lambda gives no reason"}); uploading the package replaces it.", cancellationToken);
        }
        await FunctionReadiness.WhileConflictingAsync(run, "UpdateFunctionCode",
            ct => lambda.UpdateFunctionCodeAsync(name, run.Request.PackageZip, null, ct), cancellationToken);
        var latest = await FunctionReadiness.WaitReadyAsync(run, null, cancellationToken);
        if (latest.CodeSha256 != sha)
        {
            throw new PublishFailedException(
                $"After UpdateFunctionCode, {name} has code {latest.CodeSha256}, not the package's {sha}: someone else changed it at the same time.");
        }

        var description = $"EdgePortal revision {run.Request.RevisionId}, deployment {run.Deployment.Id}";
        var published = await FunctionReadiness.WhileConflictingAsync(run, "PublishVersion",
            ct => lambda.PublishVersionAsync(name, sha, description, null, ct), cancellationToken);
        if (published.Version == "$LATEST" || published.CodeSha256 != sha)
        {
            throw new PublishFailedException(
                $"PublishVersion of {name} returned version {published.Version} with code {published.CodeSha256}, not a numbered version of {sha}.");
        }
        var active = await FunctionReadiness.WaitReadyAsync(run, published.Version, cancellationToken);
        return Done(run, active, reused: false);
    }

    private static StepOutcome Done(PublishRun run, FunctionConfiguration version, bool reused)
    {
        var arn = QualifiedArn(version);
        var deployment = run.Deployment with { VersionArn = arn, Version = version.Version, VersionReused = reused };
        var message = reused
            ? $"Version {version.Version} already has this code; reusing {arn}."
            : $"Published version {version.Version}: {arn}.";
        return new StepOutcome(deployment, message);
    }

    /// <summary>Associations need the ARN with its version number; some answers give it unqualified.</summary>
    public static string QualifiedArn(FunctionConfiguration version)
    {
        var suffix = ":" + version.Version;
        return version.FunctionArn.EndsWith(suffix, StringComparison.Ordinal) ? version.FunctionArn : version.FunctionArn + suffix;
    }
}

namespace EdgePortal.Edge.Publishing;

/// <summary>Step 1: the package was built by the portal; make sure it is the one approved (same SHA-256).</summary>
internal static class PackageStep
{
    public static StepOutcome Run(PublishRun run)
    {
        var problems = PublishRequestValidator.Validate(run.Request);
        if (problems.Count > 0)
        {
            throw new PublishFailedException("The publish request is not valid: " + string.Join(" ", problems));
        }
        var message = run.Request.PackageZip.Length == 0
            ? $"Rollback to CodeSha256 {run.Request.CodeSha256}: no package to upload."
            : $"Package of {run.Request.PackageZip.Length} bytes has CodeSha256 {run.Request.CodeSha256}.";
        return new StepOutcome(run.Deployment, message);
    }
}

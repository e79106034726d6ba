namespace EdgePortal.Portal.Services.Drift;

/// <summary>
/// The last drift check of a target, as the overview and the target page show it: the differences as sentences, or
/// why the check could not run, and when it ran. <see cref="PublishedDeploymentId"/> is the deployment compared with.
/// </summary>
public sealed record DriftReport(string TargetId, IReadOnlyList<string> Differences, string? Failure, DateTimeOffset CheckedAt, string? PublishedDeploymentId)
{
    public bool HasDrift => Differences.Count > 0;
}

namespace EdgePortal.Edge.Publishing;

/// <summary>Deployment ids: sortable by time, unique, and valid as a CloudFront CallerReference.</summary>
public static class DeploymentIds
{
    public static string New(DateTimeOffset now) => $"dep-{now:yyyyMMddHHmmss}-{Guid.NewGuid():N}";
}

namespace EdgePortal.Portal.Data;

/// <summary>What a target runs now: the revision, the Lambda version and the deployment that last succeeded there.</summary>
public sealed class LiveDeployment
{
    public required string TargetId { get; set; }

    public required string RevisionId { get; set; }

    public string? VersionArn { get; set; }

    public required string DeploymentId { get; set; }

    public DateTimeOffset Since { get; set; }
}

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Portal.Data;

/// <summary>
/// One deployment as the publisher last saved it. <see cref="DeploymentJson"/> is the whole record (what a resume
/// reads back); the other columns repeat what the deployments pages filter and sort on.
/// </summary>
public sealed class StoredDeployment
{
    public required string Id { get; set; }

    public required string TargetId { get; set; }

    public required string RevisionId { get; set; }

    public PublishKind Kind { get; set; }

    public DeploymentState State { get; set; }

    /// <summary>Who asked for it; null for deployments imported from files, which did not record it.</summary>
    public string? RequestedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public required string DeploymentJson { get; set; }
}

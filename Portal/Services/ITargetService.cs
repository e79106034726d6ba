namespace EdgePortal.Portal.Services;

/// <summary>Targets and what is live on them. Reading needs no more than the Viewer role.</summary>
public interface ITargetService
{
    Task<IReadOnlyList<TargetView>> ListAsync(CancellationToken cancellationToken = default);

    Task<TargetView?> GetAsync(string targetId, CancellationToken cancellationToken = default);

    /// <summary>The live revision with its document; null for an unknown target.</summary>
    Task<RevisionView?> GetLiveRevisionAsync(string targetId, CancellationToken cancellationToken = default);
}

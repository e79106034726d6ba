namespace EdgePortal.Portal.Services;

/// <summary>Targets and what is live on them. Reading needs no more than the Viewer role.</summary>
public interface ITargetService
{
    /// <summary>The targets one may edit and publish to; retired ones too only when <paramref name="includeRetired"/>.</summary>
    Task<IReadOnlyList<TargetView>> ListAsync(CancellationToken cancellationToken = default, bool includeRetired = false);

    /// <summary>Any target, retired or not (its history stays readable).</summary>
    Task<TargetView?> GetAsync(string targetId, CancellationToken cancellationToken = default);

    /// <summary>The live revision with its document; null for an unknown target.</summary>
    Task<RevisionView?> GetLiveRevisionAsync(string targetId, CancellationToken cancellationToken = default);
}

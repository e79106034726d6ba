using System.Security.Claims;

namespace EdgePortal.Portal.Services;

/// <summary>The immutable revisions of each target.</summary>
public interface IRevisionService
{
    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<RevisionSummary>> ListAsync(string targetId, CancellationToken cancellationToken = default);

    Task<RevisionView?> GetAsync(long revisionId, CancellationToken cancellationToken = default);

    /// <summary>The revision as canonical JSON (recorded in the audit history); null when it does not exist or the user may not read.</summary>
    Task<DocumentExport?> ExportAsync(ClaimsPrincipal user, long revisionId, CancellationToken cancellationToken = default);
}

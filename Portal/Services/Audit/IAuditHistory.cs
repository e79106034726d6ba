using System.Security.Claims;

namespace EdgePortal.Portal.Services.Audit;

/// <summary>
/// Reading the audit history: filtered and paged on the server, exported as CSV or JSON lines, and
/// verified link by link. Only Approvers and Admins may read it (it names every account and sign-in).
/// </summary>
public interface IAuditHistory
{
    /// <summary>Newest first; <paramref name="page"/> counts from 0.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, int page, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Writes every matching event, oldest first, as CSV; false (and nothing written) when the user may not.</summary>
    Task<bool> ExportCsvAsync(ClaimsPrincipal user, AuditQuery query, Stream output, CancellationToken cancellationToken = default);

    /// <summary>Writes every matching event, oldest first, one JSON object a line; false when the user may not.</summary>
    Task<bool> ExportJsonLinesAsync(ClaimsPrincipal user, AuditQuery query, Stream output, CancellationToken cancellationToken = default);

    /// <summary>Walks the whole chain from the first event and reports the first broken one.</summary>
    Task<AuditVerification> VerifyAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}

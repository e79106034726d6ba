using System.Security.Claims;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Documents;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

public sealed class RevisionService(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit) : IRevisionService
{
    public async Task<IReadOnlyList<RevisionSummary>> ListAsync(string targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Revisions.AsNoTracking().Where(r => r.TargetId == targetId)
            .OrderByDescending(r => r.Number).Select(Projections.RevisionSummary).ToListAsync(cancellationToken);
    }

    public async Task<RevisionView?> GetAsync(long revisionId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return null;
        }
        return new RevisionView(Projections.ToRevisionSummary(revision), revision.DocumentJson, DocumentCodec.ReadStored(revision.DocumentJson));
    }

    public async Task<DocumentExport?> ExportAsync(ClaimsPrincipal user, long revisionId, CancellationToken cancellationToken = default)
    {
        if (!user.IsAtLeast(PortalRoles.Viewer))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revision = await db.Revisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId, cancellationToken);
        if (revision is null)
        {
            return null;
        }
        audit.Add(db, Actor.From(user).Name, AuditActions.Exported, revision.TargetId, $"revision/{revision.Id}", new { revision.Number, revision.Sha256 });
        await db.SaveChangesAsync(cancellationToken);
        return new DocumentExport($"{revision.TargetId}-revision-{revision.Number}.json", revision.DocumentJson);
    }
}

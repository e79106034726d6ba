using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Documents;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services;

public sealed class TargetService(IDbContextFactory<PortalDbContext> dbFactory, IRevisionService revisions) : ITargetService
{
    public async Task<IReadOnlyList<TargetView>> ListAsync(CancellationToken cancellationToken = default, bool includeRetired = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking().Where(t => includeRetired || t.RetiredAt == null).OrderBy(t => t.Id).ToListAsync(cancellationToken);
        var liveIds = targets.Where(t => t.LiveRevisionId is not null).Select(t => t.LiveRevisionId!.Value).ToList();
        var live = await db.Revisions.AsNoTracking().Where(r => liveIds.Contains(r.Id))
            .Select(Projections.RevisionSummary).ToDictionaryAsync(r => r.Id, cancellationToken);
        return [.. targets.Select(t => ToView(t, t.LiveRevisionId is { } id ? live.GetValueOrDefault(id) : null))];
    }

    public async Task<TargetView?> GetAsync(string targetId, CancellationToken cancellationToken = default)
    {
        var all = await ListAsync(cancellationToken, includeRetired: true);
        return all.FirstOrDefault(t => t.Id == targetId);
    }

    public async Task<RevisionView?> GetLiveRevisionAsync(string targetId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var liveId = await db.Targets.Where(t => t.Id == targetId).Select(t => t.LiveRevisionId).FirstOrDefaultAsync(cancellationToken);
        return liveId is { } id ? await revisions.GetAsync(id, cancellationToken) : null;
    }

    private static TargetView ToView(Target t, RevisionSummary? live) =>
        new(t.Id, t.DisplayName, t.Kind, t.FunctionName, t.DistributionId, t.CacheBehaviors, live, t.ApprovalsRequired, t.RequiredTargetId, t.RetiredAt);
}

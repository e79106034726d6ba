using System.Globalization;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Publishing;

/// <summary>Which deployments the deployments page lists; null means any.</summary>
public sealed record DeploymentFilter(string? TargetId = null, DeploymentState? State = null, string? RequestedBy = null, int Max = 100);

/// <summary>One row of the deployments page: the deployment, the revision and change set it published, and its step times.</summary>
public sealed record DeploymentSummary(Deployment Deployment, int? RevisionNumber, long? ChangeSetId, string? ChangeSetTitle, IReadOnlyList<DeploymentStepTime> Steps);

/// <summary>The choices the deployments page's filters offer: the targets and the people who asked for a deployment.</summary>
public sealed record DeploymentFilterChoices(IReadOnlyList<(string Id, string Name)> Targets, IReadOnlyList<string> People);

/// <summary>Reads the deployments pages' rows from the deployment store's tables, newest first.</summary>
public sealed class DeploymentQuery(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<DeploymentSummary>> ListAsync(DeploymentFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Deployments.AsNoTracking();
        if (filter.TargetId is { } target)
        {
            query = query.Where(d => d.TargetId == target);
        }
        if (filter.State is { } state)
        {
            query = query.Where(d => d.State == state);
        }
        if (filter.RequestedBy is { } person)
        {
            query = query.Where(d => d.RequestedBy == person);
        }
        var rows = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(filter.Max)
            .Select(d => new { d.Id, d.DeploymentJson }).ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var steps = (await db.DeploymentSteps.AsNoTracking().Where(s => ids.Contains(s.DeploymentId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.DeploymentId);
        var deployments = rows.Select(r => DatabaseDeploymentStore.Read(r.DeploymentJson)).ToList();
        var revisionIds = deployments.Select(d => long.TryParse(d.Request.RevisionId, CultureInfo.InvariantCulture, out var id) ? id : 0).Distinct().ToList();
        var revisions = await db.Revisions.AsNoTracking().Where(r => revisionIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Number, r.ChangeSetId }).ToDictionaryAsync(r => r.Id, cancellationToken);
        var changeSetIds = revisions.Values.Select(r => r.ChangeSetId).OfType<long>().Distinct().ToList();
        var titles = await db.ChangeSets.AsNoTracking().Where(c => changeSetIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken);
        return [.. deployments.Select(d =>
        {
            var revision = long.TryParse(d.Request.RevisionId, CultureInfo.InvariantCulture, out var id) ? revisions.GetValueOrDefault(id) : null;
            var changeSet = revision?.ChangeSetId;
            return new DeploymentSummary(d, revision?.Number, changeSet, changeSet is { } c ? titles.GetValueOrDefault(c) : null,
                [.. steps[d.Id].OrderBy(s => s.Step)]);
        })];
    }

    public async Task<DeploymentFilterChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var targets = await db.Targets.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.DisplayName }).ToListAsync(cancellationToken);
        var people = await db.Deployments.AsNoTracking().Where(d => d.RequestedBy != null).Select(d => d.RequestedBy!).Distinct().OrderBy(p => p).ToListAsync(cancellationToken);
        return new DeploymentFilterChoices([.. targets.Select(t => (t.Id, t.DisplayName))], people);
    }
}

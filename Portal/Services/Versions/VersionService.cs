using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Portal.Accounts;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Drift;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Versions;

/// <summary>
/// Lambda version hygiene for Admins: lists a target's function versions with what refers to each, and deletes those
/// nothing refers to, older than the newest <see cref="VersionOptions.Keep"/>. Lambda refuses a version CloudFront
/// still has replicas of (hours after its last association went); such a version stays in the list with that sentence
/// and is tried again on the next run: the Admin's next delete, or the periodic run (<see cref="RetryRefusedAsync"/>).
/// </summary>
public sealed class VersionService(
    IDbContextFactory<PortalDbContext> dbFactory,
    IDeploymentStore store,
    TargetConnections connections,
    VersionOptions options,
    AuditLog audit,
    TimeProvider time)
{
    public const string StillReplicated = "still replicated; try again later (replicas are removed hours after the last association)";

    /// <summary>Refusals by target and version, shown until the version is deleted (shared by every circuit).</summary>
    private readonly ConcurrentDictionary<(string Target, string Version), string> _refusals = new();

    public static bool MayManage(ClaimsPrincipal user) => user.IsAtLeast(PortalRoles.Admin);

    public async Task<VersionsView> ListAsync(ClaimsPrincipal user, string targetId, CancellationToken cancellationToken = default)
    {
        if (!MayManage(user))
        {
            return new VersionsView(targetId, "", options.Keep, [], $"Lambda versions are for Admins; you are {user.HighestRole() ?? "signed out"}.");
        }
        return await ListAsync(targetId, cancellationToken);
    }

    /// <summary>Deletes those of <paramref name="confirmed"/> that are still deletable when asked (what the dialog listed may have changed).</summary>
    public async Task<IReadOnlyList<VersionDeletion>> DeleteAsync(ClaimsPrincipal user, string targetId, IReadOnlyList<string> confirmed,
        CancellationToken cancellationToken = default)
    {
        if (!MayManage(user))
        {
            return [.. confirmed.Select(v => new VersionDeletion(v, false, $"Version {v} was not deleted: deleting versions needs the Admin role."))];
        }
        var actor = Actor.From(user);
        var view = await ListAsync(targetId, cancellationToken);
        if (view.Failure is { } failure)
        {
            return [.. confirmed.Select(v => new VersionDeletion(v, false, $"Version {v} was not deleted: {failure}"))];
        }
        var (_, target, connection) = await ConnectAsync(targetId, cancellationToken);
        var results = new List<VersionDeletion>();
        foreach (var version in confirmed)
        {
            if (!view.Deletable.Contains(version))
            {
                results.Add(new(version, false, $"Version {version} was not deleted: {view.Versions.FirstOrDefault(v => v.Version == version)?.Kept ?? "it is not in the list any more"}."));
                continue;
            }
            results.Add(await DeleteOneAsync(actor, target, connection, version, cancellationToken));
        }
        return results;
    }

    /// <summary>
    /// The periodic run: tries again each deletion Lambda refused while replicas remained (an Admin confirmed it), as
    /// <c>system</c>. A version that something refers to again, or that is gone, is dropped from the retries.
    /// </summary>
    public async Task<IReadOnlyList<VersionDeletion>> RetryRefusedAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<VersionDeletion>();
        foreach (var refused in _refusals.Keys.GroupBy(k => k.Target, k => k.Version).ToList())
        {
            var view = await ListAsync(refused.Key, cancellationToken);
            if (view.Failure is not null || await connections.ConnectAsync(refused.Key, cancellationToken) is not { } connection)
            {
                continue;
            }
            foreach (var version in refused)
            {
                if (view.Deletable.Contains(version))
                {
                    results.Add(await DeleteOneAsync(Actor.System, connection.Target, connection.Clients, version, cancellationToken));
                }
                else
                {
                    _refusals.TryRemove((refused.Key, version), out _);
                }
            }
        }
        return results;
    }

    private async Task<VersionDeletion> DeleteOneAsync(Actor actor, Edge.Publishing.Target target, ShippingClients connection, string version,
        CancellationToken cancellationToken)
    {
        VersionDeletion result;
        try
        {
            await connections.Reads().ReadAsync("DeleteFunction", async ct =>
            {
                await connection.Lambda.DeleteFunctionAsync(target.FunctionName, version, ct);
                return true;
            }, cancellationToken);
            _refusals.TryRemove((target.Name, version), out _);
            result = new(version, true, $"Version {version} of {target.FunctionName} was deleted.");
        }
        catch (AwsServiceException error) when (error.Message.Contains("replicated function", StringComparison.Ordinal))
        {
            _refusals[(target.Name, version)] = $"{StillReplicated} (refused {time.GetUtcNow():yyyy-MM-dd HH:mm} UTC)";
            result = new(version, false, $"Version {version}: {StillReplicated}.");
        }
        catch (Exception error) when (error is AwsServiceException or PublishFailedException)
        {
            result = new(version, false, $"Version {version} was not deleted: {error.Message}");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        audit.Add(db, actor.Name, result.Deleted ? AuditActions.VersionDeleted : AuditActions.VersionDeleteRefused, target.Name,
            $"version/{target.FunctionName}:{version}", new { result.Sentence });
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<VersionsView> ListAsync(string targetId, CancellationToken cancellationToken)
    {
        try
        {
            var (_, target, connection) = await ConnectAsync(targetId, cancellationToken);
            var reads = connections.Reads();
            var versions = await reads.ReadAsync("ListVersionsByFunction", ct => connection.Lambda.ListVersionsByFunctionAsync(target.FunctionName, ct), cancellationToken);
            var references = await ReferencesAsync(target, reads, cancellationToken);
            var numbered = versions.Where(v => v.Version != "$LATEST")
                .OrderByDescending(v => long.Parse(v.Version, CultureInfo.InvariantCulture)).ToList();
            var rows = numbered.Select((v, index) => new VersionRow(v.Version, v.CodeSha256, references.Of(v.FunctionArn),
                references.Keeps(v.FunctionArn) ? "something refers to it"
                    : index < options.Keep ? $"one of the newest {options.Keep}" : null,
                _refusals.GetValueOrDefault((targetId, v.Version)))).ToList();
            return new VersionsView(targetId, target.FunctionName, options.Keep, rows, null);
        }
        catch (Exception error) when (error is InvalidOperationException or AwsServiceException or PublishFailedException or Amazon.Runtime.AmazonClientException)
        {
            return new VersionsView(targetId, "", options.Keep, [], $"Could not list the versions of {targetId}: {error.Message}");
        }
    }

    /// <summary>Every portal target on the same function counts: its distribution's associations and its deployments.</summary>
    private async Task<VersionReferences> ReferencesAsync(Edge.Publishing.Target target, PreflightReads reads, CancellationToken cancellationToken)
    {
        List<TargetConnection> sharing;
        Dictionary<string, int> numbers;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var all = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
            sharing = [.. all.Select(TryConnect).OfType<TargetConnection>()
                .Where(c => c.Target.FunctionName == target.FunctionName && c.Target.Kind == target.Kind)];
            numbers = await db.Revisions.AsNoTracking().ToDictionaryAsync(r => r.Id.ToString(CultureInfo.InvariantCulture), r => r.Number, cancellationToken);
        }
        var references = new VersionReferences();
        foreach (var other in sharing.DistinctBy(c => c.Target.DistributionId))
        {
            var config = await reads.ReadAsync("GetDistributionConfig", ct => other.Clients.CloudFront.GetDistributionConfigAsync(other.Target.DistributionId, ct), cancellationToken);
            references.AddDistribution(other.Target.DistributionId, config.DistributionConfigXml);
        }
        foreach (var other in sharing)
        {
            references.AddDeployments(other.Stored.Id, await store.ListByTargetAsync(other.Stored.Id, cancellationToken), numbers);
        }
        return references;
    }

    private async Task<TargetConnection> ConnectAsync(string targetId, CancellationToken cancellationToken) =>
        await connections.ConnectAsync(targetId, cancellationToken) ?? throw new InvalidOperationException($"There is no target '{targetId}'.");

    private TargetConnection? TryConnect(Data.Target stored)
    {
        try
        {
            return connections.Connect(stored);
        }
        catch (InvalidOperationException)
        {
            // An incomplete target refers to nothing.
            return null;
        }
    }
}

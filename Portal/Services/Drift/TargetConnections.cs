using EdgePortal.Edge.Local;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Services.Drift;

/// <summary>A portal target as the publisher sees it, with the clients that reach it.</summary>
public sealed record TargetConnection(Data.Target Stored, Edge.Publishing.Target Target, ShippingClients Clients);

/// <summary>
/// Reaches a portal target for the reads that are not a publish (drift, Lambda versions): the target described as a
/// publish would describe it, its clients, and reads through the publisher's retry options, like the preflight's.
/// </summary>
public sealed class TargetConnections(
    IDbContextFactory<PortalDbContext> dbFactory,
    IShippingClientFactory clients,
    LocalTargetOptions localOptions,
    AwsEndpointsOptions endpoints,
    PublisherOptions publisherOptions,
    TimeProvider time)
{
    /// <summary>Null when there is no such target; throws <see cref="InvalidOperationException"/> naming what an incomplete one lacks.</summary>
    public async Task<TargetConnection?> ConnectAsync(string targetId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId, cancellationToken);
        return stored is null ? null : Connect(stored);
    }

    public TargetConnection Connect(Data.Target stored)
    {
        var described = TargetSettings.Describe(stored, localOptions, endpoints.ToTargetEndpoints());
        return new TargetConnection(stored, described, clients.Create(described));
    }

    /// <summary>Reads bounded like Test connection's, retried by the publisher's retry options.</summary>
    public PreflightReads Reads() => PreflightReads.Standalone(publisherOptions.Retry, time);
}

extern alias emulator;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Edge.Simulation;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using emulator::EdgePortal.AwsEmulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

/// <summary>A portal whose AWS targets reach <paramref name="emulator"/>, signed with the emulator's example keys, and one such target.</summary>
public static class EmulatorTargetPortal
{
    public const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules";

    /// <summary>No propagation, invalidation or code-update delays: a publish finishes in moments.</summary>
    public static SimulationOptions Instant { get; } = new() { PropagationDelay = TimeSpan.Zero, InvalidationDelay = TimeSpan.Zero, FunctionUpdateDelay = TimeSpan.Zero };

    /// <summary>Publishes the seed example to <paramref name="targetId"/> and asserts it succeeded on version 7 (the seed has 1 to 6).</summary>
    public static async Task PublishAsync(PublishingPortal portal, string targetId)
    {
        var approver = await portal.UserAsync("Approver");
        var revision = await portal.AddRevisionAsync(PublishingTests.SeedExample, targetId);
        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, targetId, revision.Id)));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);
        Assert.True(deployment.State == DeploymentState.Succeeded, deployment.Error);
        Assert.Equal(Arn + ":7", deployment.VersionArn);
    }

    public static void Move(EmulatorHost emulator, string behaviour, string eventType, string? arn) =>
        emulator.Simulation.CloudFront.ChangeOutsidePortal(EmulatorSeed.DistributionId, new DistributionConfigChange
        {
            CacheBehaviors = [behaviour],
            Functions = new Dictionary<string, string?> { [eventType] = arn },
        });

    public static PublishingPortal Start(EmulatorHost emulator, Action<IWebHostBuilder>? configure = null)
    {
        var endpoint = emulator.BaseUri.ToString();
        return PublishingPortal.With(builder =>
        {
            builder
                .UseSetting($"{AwsEndpointsOptions.SectionName}:Lambda", endpoint)
                .UseSetting($"{AwsEndpointsOptions.SectionName}:CloudFront", endpoint)
                .UseSetting($"{AwsEndpointsOptions.SectionName}:Iam", endpoint + "iam/")
                // The emulator's example keys instead of the machine's credential chain.
                .ConfigureServices(services => services.AddSingleton<IShippingClientFactory>(sp => new ShippingClientFactory(
                    sp.GetRequiredService<LocalAws>(),
                    () => AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, EmulatorOptions.ExampleSecretAccessKey))));
            configure?.Invoke(builder);
        });
    }

    /// <summary>Adds an AWS target on the emulator's seeded function and distribution.</summary>
    public static async Task AddTargetAsync(PublishingPortal portal, string id, params string[] cacheBehaviors)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Targets.Add(new Data.Target
        {
            Id = id,
            DisplayName = id,
            Kind = EdgePortal.Edge.Publishing.TargetKind.Aws,
            FunctionName = EmulatorSeed.FunctionName,
            DistributionId = EmulatorSeed.DistributionId,
            CacheBehaviors = [.. cacheBehaviors],
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>Version <paramref name="version"/> ran on /video/* for a while (someone tried it in the console): CloudFront now keeps its replicas for hours.</summary>
    public static void RanForAWhile(EmulatorHost emulator, string version)
    {
        Move(emulator, "/video/*", "origin-request", $"{Arn}:{version}");
        Move(emulator, "/video/*", "origin-request", null);
    }

    /// <summary>Waits (30 s at most) until the target's audit trail holds <paramref name="action"/>; background work writes it.</summary>
    public static async Task WaitForAuditAsync(PublishingPortal portal, string targetId, string action)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!(await AuditActionsAsync(portal, targetId)).Contains(action) && !patience.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>The audit actions recorded for a target, oldest first.</summary>
    public static async Task<IReadOnlyList<string>> AuditActionsAsync(PublishingPortal portal, string targetId)
    {
        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.AuditEvents.AsNoTracking().Where(e => e.TargetId == targetId).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
    }
}

/// <summary>A test class with an emulator, a portal reaching it (<paramref name="configure"/> adds settings) and the AWS target <see cref="TargetId"/> on its default behaviour.</summary>
public abstract class EmulatorTargetTests(Action<IWebHostBuilder>? configure = null) : IAsyncLifetime
{
    protected const string TargetId = "prod";

    protected EmulatorHost Emulator { get; private set; } = null!;

    protected PublishingPortal Portal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Simulation = EmulatorTargetPortal.Instant });
        Portal = EmulatorTargetPortal.Start(Emulator, configure);
        await EmulatorTargetPortal.AddTargetAsync(Portal, TargetId, "*");
    }

    public async Task DisposeAsync()
    {
        await Portal.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

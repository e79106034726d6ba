using System.Globalization;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Audit;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Integration;

public sealed class PublishingRestartTests
{
    [Fact]
    public async Task PublishWorker_Restart_ResumesDeploymentLeftRunning()
    {
        await using var before = new PublishingPortal();
        var revision = await before.AddRevisionAsync(PublishingTests.SeedExample);
        var deploymentId = await LeaveRunningAsync(before.Services, revision);
        await before.App.DisposeAsync();

        await using var after = PublishingPortal.Restarted(before);
        var deployment = await after.FinishedAsync(deploymentId);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal(revision.Id, await after.LiveRevisionIdAsync());
        Assert.Contains(after.LocalState().Associations, a => a.FunctionArn == deployment.VersionArn);
    }

    /// <summary>What a portal stopped in the middle of the Version step leaves behind.</summary>
    private static async Task<string> LeaveRunningAsync(IServiceProvider services, Revision revision)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var target = await db.Targets.AsNoTracking().SingleAsync(t => t.Id == PortalDatabase.LocalTargetId);
        var build = services.GetRequiredService<IHandlerBuilder>().Build(
            PublishingTests.SeedExample, revision.Id.ToString(CultureInfo.InvariantCulture), revision.Sha256);
        var store = services.GetRequiredService<IDeploymentStore>();
        var deployment = await services.GetRequiredService<Publisher>().CreateAsync(new PublishRequest
        {
            Target = TargetSettings.Describe(target, services.GetRequiredService<LocalTargetOptions>()),
            RevisionId = build.RevisionId,
            PackageZip = build.Zip,
            CodeSha256 = build.CodeSha256,
        }, CancellationToken.None);
        await services.GetRequiredService<PublishAudit>().WriteAsync("test", AuditActions.PublishRequested, target.Id, deployment.Id,
            new PublishAuditDetails(revision.Id, revision.Number, "Publish"), CancellationToken.None);
        var running = deployment with { State = DeploymentState.Running, CurrentStep = PublishStep.Version, LastFinishedStep = PublishStep.Package };
        await store.SaveAsync(running, new DeploymentLogEntry(PublishStep.Version, StepEvent.Started, "Publish the Lambda version.", DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.True((await store.TryAcquireTargetLockAsync(target.Id, deployment.Id, CancellationToken.None)).Acquired);
        return deployment.Id;
    }
}

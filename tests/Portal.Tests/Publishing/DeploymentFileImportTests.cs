using System.Text.Json.Nodes;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Portal.Data;
using EdgePortal.Portal.Services.Publishing;
using EdgePortal.Portal.Tests.Integration;
using EdgePortal.Rules.Document;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePortal.Portal.Tests.Publishing;

/// <summary>A data directory an older portal left: deployments as JSON files, written before TargetName was renamed TargetId.</summary>
public sealed class DeploymentFileImportTests : IDisposable
{
    private readonly string _directory = PortalFactory.NewDataDirectory();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_OldDeploymentFiles_ImportedOnceWithTheirLogsAcrossRestarts()
    {
        var (failed, succeeded) = await WriteOldFilesAsync(revisionId: "1");

        await using (var first = PublishingPortal.On(_directory))
        {
            await first.WithAsync(_ => Task.FromResult(0));
        }
        await using var second = PublishingPortal.On(_directory);
        var store = second.Services.GetRequiredService<IDeploymentStore>();

        var listed = await store.ListByTargetAsync(PortalDatabase.LocalTargetId, default);
        Assert.Equal([succeeded, failed], listed.Select(d => d.Id));
        Assert.Equal((DeploymentState.Succeeded, "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:3"), (listed[0].State, listed[0].VersionArn));
        Assert.Equal(["started", "done"], (await store.LoadLogAsync(succeeded, default)).Select(e => e.Message));
        Assert.Equal("The distribution said no.", listed[1].Error);
        var live = await second.WithAsync(s => s.GetRequiredService<PortalDbContext>().LiveDeployments.SingleAsync());
        Assert.Equal((PortalDatabase.LocalTargetId, succeeded, "1"), (live.TargetId, live.DeploymentId, live.RevisionId));
    }

    [Fact]
    public async Task Preview_RevisionAnImportedDeploymentMadeLive_IsARollback()
    {
        // Revision 2 does not exist yet when the files are imported; the portal adds it after start-up.
        await WriteOldFilesAsync(revisionId: "2");
        await using var portal = PublishingPortal.On(_directory);
        var revision = await portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [new CacheRule { Id = "a", Path = "/a/*", MaxAge = 60 }] });

        var preview = await portal.WithAsync(s => s.GetRequiredService<PublishService>().PreviewAsync(PortalDatabase.LocalTargetId, revision.Id));

        Assert.Equal(2, revision.Id);
        Assert.Equal(PublishKind.Rollback, preview!.Kind);
    }

    [Fact]
    public async Task Publish_InThePortal_WritesNoDeploymentFiles()
    {
        await using var portal = PublishingPortal.On(_directory);
        var approver = await portal.UserAsync("Approver");
        var revision = await portal.AddRevisionAsync(RulesDocument.Empty with { Cache = [new CacheRule { Id = "a", Path = "/a/*", MaxAge = 60 }] });

        var queued = Assert.IsType<PublishResult.Queued>(await portal.WithAsync(s => s.GetRequiredService<PublishService>().StartPublishAsync(approver, PortalDatabase.LocalTargetId, revision.Id)));
        var deployment = await portal.FinishedAsync(queued.DeploymentId);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.False(Directory.Exists(Path.Combine(_directory, "deployments")), "the portal wrote deployment files");
        var stored = await portal.WithAsync(s => s.GetRequiredService<PortalDbContext>().Deployments.SingleAsync(d => d.Id == deployment.Id));
        Assert.Equal((DeploymentState.Succeeded, approver.Identity!.Name), (stored.State, stored.RequestedBy));
    }

    /// <summary>A failed and then a succeeded deployment to the local target, as FileDeploymentStore wrote them before the rename.</summary>
    private async Task<(string Failed, string Succeeded)> WriteOldFilesAsync(string revisionId)
    {
        var root = Path.Combine(_directory, "deployments");
        var files = new FileDeploymentStore(root, TimeProvider.System);
        var zip = LocalSeed.PlaceholderZip();
        var request = new PublishRequest
        {
            Target = new Edge.Publishing.Target { Name = PortalDatabase.LocalTargetId, Kind = Edge.Publishing.TargetKind.Local, FunctionName = LocalSeed.FunctionName, DistributionId = LocalSeed.DistributionId },
            RevisionId = revisionId,
            PackageZip = zip,
            CodeSha256 = PackageDigest.Of(zip).CodeSha256,
        };
        var failed = await files.CreateAsync(request, default);
        await files.SaveAsync(failed with { State = DeploymentState.Failed, Error = "The distribution said no.", FinishedAt = DateTimeOffset.UtcNow },
            new DeploymentLogEntry(null, StepEvent.Failed, "The distribution said no.", DateTimeOffset.UtcNow), default);
        await Task.Delay(20);
        var succeeded = await files.CreateAsync(request, default);
        await files.SaveAsync(succeeded with { State = DeploymentState.Running, CurrentStep = PublishStep.Preflight },
            new DeploymentLogEntry(PublishStep.Preflight, StepEvent.Started, "started", DateTimeOffset.UtcNow), default);
        await files.SaveAsync(succeeded with { State = DeploymentState.Succeeded, LastFinishedStep = PublishStep.Live, VersionArn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:3", FinishedAt = DateTimeOffset.UtcNow },
            new DeploymentLogEntry(PublishStep.Live, StepEvent.Finished, "done", DateTimeOffset.UtcNow), default);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "deployments"), "*.json"))
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
            var deployment = json["Deployment"]!.AsObject();
            deployment["TargetName"] = deployment["TargetId"]!.DeepClone();
            deployment.Remove("TargetId");
            await File.WriteAllTextAsync(file, json.ToJsonString());
        }
        return (failed.Id, succeeded.Id);
    }
}

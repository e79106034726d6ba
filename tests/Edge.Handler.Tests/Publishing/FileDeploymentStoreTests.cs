using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

public sealed class FileDeploymentStoreTests : DeploymentStoreContract, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edgeportal-store-" + Guid.NewGuid().ToString("N"));

    private readonly JumpingTimeProvider _jumping = new();

    protected override IDeploymentStore Open() => new FileDeploymentStore(_directory, Time);

    protected override IDeploymentStore Reopen(IDeploymentStore store) => new FileDeploymentStore(_directory, Time);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Load_FileWrittenBeforeTheUnconfirmedMark_ReadsAsNotUnconfirmedWithoutADeadline()
    {
        var store = new FileDeploymentStore(_directory, Time);
        var created = await store.CreateAsync(Request(), default);
        await store.SaveAsync(created with { State = DeploymentState.Failed, DeploymentUnconfirmed = true, StepDeadline = Time.GetUtcNow() },
            new DeploymentLogEntry(null, StepEvent.Failed, "x", Time.GetUtcNow()), default);
        var path = Path.Combine(_directory, "deployments", created.Id + ".json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        json["Deployment"]!.AsObject().Remove("DeploymentUnconfirmed");
        json["Deployment"]!.AsObject().Remove("StepDeadline");
        await File.WriteAllTextAsync(path, json.ToJsonString());

        var loaded = await new FileDeploymentStore(_directory, Time).LoadAsync(created.Id, default);

        Assert.Equal((DeploymentState.Failed, false, null), (loaded!.State, loaded.DeploymentUnconfirmed, loaded.StepDeadline));
        Assert.Equal("Failed", loaded.StateText);
    }

    [Fact]
    public async Task Run_KilledThenResumedByANewProcessOnTheSameDirectory_Succeeds()
    {
        var local = new LocalAws(new AwsSimulation(time: _jumping), null);
        LocalSeed.Apply(local.Simulation, LocalSeed.FunctionName, LocalSeed.DistributionId);
        var clients = new FixedClients(new ShippingClients(local, local));
        var dying = new InterruptingStore(new FileDeploymentStore(_directory, _jumping))
        {
            KillAt = e => e is { Step: PublishStep.Associate, Event: StepEvent.Finished },
        };
        var first = new Publisher(dying, clients, new PublisherOptions(), _jumping);
        var created = await first.CreateAsync(Request(), default);
        await Assert.ThrowsAsync<ProcessKilledException>(() => first.RunAsync(created.Id, null, default));

        var second = new Publisher(new FileDeploymentStore(_directory, _jumping), clients, new PublisherOptions(), _jumping);
        var resumed = Assert.Single(await second.ResumeUnfinishedAsync(null, default));

        Assert.Equal(DeploymentState.Succeeded, resumed.State);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:1", resumed.VersionArn);
        Assert.Equal(2, (await local.ListVersionsByFunctionAsync(LocalSeed.FunctionName, default)).Count);
    }
}

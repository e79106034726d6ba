using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

public sealed class FileDeploymentStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edgeportal-store-" + Guid.NewGuid().ToString("N"));
    private readonly JumpingTimeProvider _time = new();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Load_InAnotherInstance_GivesBackTheDeploymentItsRequestAndLog()
    {
        var request = Request() with { InvalidationPaths = ["/a", "/b/*"], GeoRestriction = new GeoRestrictionSetting("whitelist", ["DE", "AT"]) };
        var store = new FileDeploymentStore(_directory, _time);
        var created = await store.CreateAsync(request, default);
        var running = created with { State = DeploymentState.Running, CurrentStep = PublishStep.Version, VersionArn = "arn:x:7" };
        await store.SaveAsync(running, new DeploymentLogEntry(PublishStep.Version, StepEvent.Started, "go", _time.GetUtcNow()), default);

        var other = new FileDeploymentStore(_directory, _time);
        var loaded = await other.LoadAsync(created.Id, default);
        var log = await other.LoadLogAsync(created.Id, default);

        Assert.Equal((DeploymentState.Running, PublishStep.Version, "arn:x:7"), (loaded!.State, loaded.CurrentStep, loaded.VersionArn));
        Assert.Equal(request.PackageZip, loaded.Request.PackageZip);
        Assert.Equal(request.InvalidationPaths, loaded.Request.InvalidationPaths);
        Assert.Equal(request.Target, loaded.Request.Target);
        Assert.Equal(["DE", "AT"], loaded.Request.GeoRestriction!.Locations);
        Assert.Equal([new DeploymentLogEntry(PublishStep.Version, StepEvent.Started, "go", _time.GetUtcNow())], log);
        Assert.Equal([created.Id], (await other.ListUnfinishedAsync(default)).Select(d => d.Id));
    }

    [Fact]
    public async Task Load_FileWrittenBeforeTheUnconfirmedMark_ReadsAsNotUnconfirmedWithoutADeadline()
    {
        var store = new FileDeploymentStore(_directory, _time);
        var created = await store.CreateAsync(Request(), default);
        await store.SaveAsync(created with { State = DeploymentState.Failed, DeploymentUnconfirmed = true, StepDeadline = _time.GetUtcNow() },
            new DeploymentLogEntry(null, StepEvent.Failed, "x", _time.GetUtcNow()), default);
        var path = Path.Combine(_directory, "deployments", created.Id + ".json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        json["Deployment"]!.AsObject().Remove("DeploymentUnconfirmed");
        json["Deployment"]!.AsObject().Remove("StepDeadline");
        await File.WriteAllTextAsync(path, json.ToJsonString());

        var loaded = await new FileDeploymentStore(_directory, _time).LoadAsync(created.Id, default);

        Assert.Equal((DeploymentState.Failed, false, null), (loaded!.State, loaded.DeploymentUnconfirmed, loaded.StepDeadline));
        Assert.Equal("Failed", loaded.StateText);
    }

    [Fact]
    public async Task ListByTarget_TwoTargets_GivesOneTargetsDeploymentsNewestFirst()
    {
        var store = new FileDeploymentStore(_directory, _time);
        var older = await store.CreateAsync(Request(), default);
        _time.Advance(TimeSpan.FromMinutes(1));
        await store.CreateAsync(Request() with { Target = Request().Target with { Name = "other" } }, default);
        _time.Advance(TimeSpan.FromMinutes(1));
        var newer = await store.CreateAsync(Request(), default);

        var listed = await new FileDeploymentStore(_directory, _time).ListByTargetAsync("prod eu", default);

        Assert.Equal([newer.Id, older.Id], listed.Select(d => d.Id));
    }

    [Fact]
    public async Task TryAcquireTargetLock_FromTwoInstances_OnlyTheHolderGetsIt()
    {
        var first = new FileDeploymentStore(_directory, _time);
        var second = new FileDeploymentStore(_directory, _time);

        var a = await first.TryAcquireTargetLockAsync("prod eu", "dep-a", default);
        var b = await second.TryAcquireTargetLockAsync("prod eu", "dep-b", default);
        var again = await second.TryAcquireTargetLockAsync("prod eu", "dep-a", default);
        await second.ReleaseTargetLockAsync("prod eu", "dep-a", default);
        var afterRelease = await second.TryAcquireTargetLockAsync("prod eu", "dep-b", default);

        Assert.True(a.Acquired);
        Assert.Equal(new TargetLock(false, "dep-a"), b);
        Assert.True(again.Acquired);
        Assert.True(afterRelease.Acquired);
    }

    [Fact]
    public async Task Run_KilledThenResumedByANewProcessOnTheSameDirectory_Succeeds()
    {
        var local = new LocalAws(new AwsSimulation(time: _time), null);
        LocalSeed.Apply(local.Simulation, LocalSeed.FunctionName, LocalSeed.DistributionId);
        var clients = new FixedClients(new ShippingClients(local, local));
        var dying = new InterruptingStore(new FileDeploymentStore(_directory, _time))
        {
            KillAt = e => e is { Step: PublishStep.Associate, Event: StepEvent.Finished },
        };
        var first = new Publisher(dying, clients, new PublisherOptions(), _time);
        var created = await first.CreateAsync(Request(), default);
        await Assert.ThrowsAsync<ProcessKilledException>(() => first.RunAsync(created.Id, null, default));

        var second = new Publisher(new FileDeploymentStore(_directory, _time), clients, new PublisherOptions(), _time);
        var resumed = Assert.Single(await second.ResumeUnfinishedAsync(null, default));

        Assert.Equal(DeploymentState.Succeeded, resumed.State);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:1", resumed.VersionArn);
        Assert.Equal(2, (await local.ListVersionsByFunctionAsync(LocalSeed.FunctionName, default)).Count);
    }

    private static PublishRequest Request()
    {
        var zip = LocalSeed.PlaceholderZip().Concat(new byte[] { 0 }).ToArray();
        return new PublishRequest
        {
            Target = new Target { Name = "prod eu", Kind = TargetKind.Local, FunctionName = LocalSeed.FunctionName, DistributionId = LocalSeed.DistributionId },
            RevisionId = "r1",
            PackageZip = zip,
            CodeSha256 = PackageDigest.Of(zip).CodeSha256,
            InvalidationPaths = ["/*"],
        };
    }
}

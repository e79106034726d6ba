using EdgePortal.Edge.Build;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>
/// What every <see cref="IDeploymentStore"/> must do, run against each of them (memory, files, and the portal's
/// database, whose tests link this file). <see cref="Reopen"/> gives a second instance on the same storage, as
/// another process would open it; a store in memory gives itself.
/// </summary>
public abstract class DeploymentStoreContract
{
    protected StoreClock Time { get; } = new();

    protected abstract IDeploymentStore Open();

    protected abstract IDeploymentStore Reopen(IDeploymentStore store);

    [Fact]
    public async Task Load_FromASecondInstance_GivesBackTheDeploymentItsRequestAndLog()
    {
        var request = Request() with { InvalidationPaths = ["/a", "/b/*"], GeoRestriction = new GeoRestrictionSetting("whitelist", ["DE", "AT"]), RequestedBy = "ann@example.com" };
        var store = Open();
        var created = await store.CreateAsync(request, default);
        var running = created with { State = DeploymentState.Running, CurrentStep = PublishStep.Version, VersionArn = "arn:x:7" };
        await store.SaveAsync(running, new DeploymentLogEntry(PublishStep.Version, StepEvent.Started, "go", Time.GetUtcNow()), default);

        var other = Reopen(store);
        var loaded = await other.LoadAsync(created.Id, default);
        var log = await other.LoadLogAsync(created.Id, default);

        Assert.Equal((DeploymentState.Running, PublishStep.Version, "arn:x:7"), (loaded!.State, loaded.CurrentStep, loaded.VersionArn));
        Assert.Equal(request.PackageZip, loaded.Request.PackageZip);
        Assert.Equal(request.InvalidationPaths, loaded.Request.InvalidationPaths);
        Assert.Equal(request.Target, loaded.Request.Target);
        Assert.Equal("ann@example.com", loaded.Request.RequestedBy);
        Assert.Equal(["DE", "AT"], loaded.Request.GeoRestriction!.Locations);
        Assert.Equal([new DeploymentLogEntry(PublishStep.Version, StepEvent.Started, "go", Time.GetUtcNow())], log);
        Assert.Equal([created.Id], (await other.ListUnfinishedAsync(default)).Select(d => d.Id));
    }

    [Fact]
    public async Task Load_UnknownId_IsNullWithAnEmptyLog()
    {
        var store = Open();

        Assert.Null(await store.LoadAsync("dep-unknown", default));
        Assert.Empty(await store.LoadLogAsync("dep-unknown", default));
    }

    [Fact]
    public async Task Save_NeverCreated_ThrowsNamingTheDeployment()
    {
        var store = Open();
        var stranger = new Deployment { Id = "dep-stranger", Request = Request() };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.SaveAsync(stranger, new DeploymentLogEntry(null, StepEvent.Note, "x", Time.GetUtcNow()), default));

        Assert.Contains("dep-stranger", error.Message);
    }

    [Fact]
    public async Task Save_AppendsToLogAndReplacesDeployment()
    {
        var store = Open();
        var created = await store.CreateAsync(Request(), default);
        var at = Time.GetUtcNow();

        await store.SaveAsync(created with { State = DeploymentState.Running }, new DeploymentLogEntry(null, StepEvent.Note, "go", at), default);
        await store.SaveAsync(created with { State = DeploymentState.Failed, Error = "no" }, new DeploymentLogEntry(null, StepEvent.Failed, "no", at), default);

        Assert.Equal((DeploymentState.Failed, "no"), ((await store.LoadAsync(created.Id, default))!.State, (await store.LoadAsync(created.Id, default))!.Error));
        Assert.Equal(["go", "no"], (await store.LoadLogAsync(created.Id, default)).Select(e => e.Message));
        Assert.Empty(await store.ListUnfinishedAsync(default));
    }

    [Fact]
    public async Task ListByTarget_TwoTargets_GivesOneTargetsDeploymentsNewestFirst()
    {
        var store = Open();
        var older = await store.CreateAsync(Request(), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await store.CreateAsync(Request() with { Target = Request().Target with { Name = "other" } }, default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var newer = await store.CreateAsync(Request(), default);

        var listed = await Reopen(store).ListByTargetAsync("prod eu", default);

        Assert.Equal([newer.Id, older.Id], listed.Select(d => d.Id));
        Assert.All(listed, d => Assert.Equal("prod eu", d.TargetId));
    }

    [Fact]
    public async Task ListUnfinished_MixedStates_GivesQueuedAndRunningOldestFirst()
    {
        var store = Open();
        var first = await store.CreateAsync(Request(), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var done = await store.CreateAsync(Request(), default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var running = await store.CreateAsync(Request(), default);
        await store.SaveAsync(done with { State = DeploymentState.Succeeded }, new DeploymentLogEntry(null, StepEvent.Finished, "ok", Time.GetUtcNow()), default);
        await store.SaveAsync(running with { State = DeploymentState.Running }, new DeploymentLogEntry(null, StepEvent.Note, "go", Time.GetUtcNow()), default);

        Assert.Equal([first.Id, running.Id], (await Reopen(store).ListUnfinishedAsync(default)).Select(d => d.Id));
    }

    [Fact]
    public async Task TryAcquireTargetLock_FromTwoInstances_OnlyTheHolderGetsIt()
    {
        var first = Open();
        var second = Reopen(first);

        var a = await first.TryAcquireTargetLockAsync("prod eu", "dep-a", default);
        var b = await second.TryAcquireTargetLockAsync("prod eu", "dep-b", default);
        var again = await second.TryAcquireTargetLockAsync("prod eu", "dep-a", default);
        var otherTarget = await second.TryAcquireTargetLockAsync("staging", "dep-b", default);
        await second.ReleaseTargetLockAsync("prod eu", "dep-a", default);
        var afterRelease = await second.TryAcquireTargetLockAsync("prod eu", "dep-b", default);

        Assert.True(a.Acquired);
        Assert.Equal(new TargetLock(false, "dep-a"), b);
        Assert.True(again.Acquired);
        Assert.True(otherTarget.Acquired);
        Assert.True(afterRelease.Acquired);
    }

    [Fact]
    public async Task ReleaseTargetLock_ByOtherDeployment_KeepsTheLock()
    {
        var store = Open();
        await store.TryAcquireTargetLockAsync("prod", "d1", default);

        await store.ReleaseTargetLockAsync("prod", "d2", default);
        var afterWrongRelease = await store.TryAcquireTargetLockAsync("prod", "d2", default);
        await store.ReleaseTargetLockAsync("prod", "d1", default);
        var afterRelease = await store.TryAcquireTargetLockAsync("prod", "d2", default);

        Assert.Equal(new TargetLock(false, "d1"), afterWrongRelease);
        Assert.True(afterRelease.Acquired);
    }

    protected static PublishRequest Request()
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

    /// <summary>A clock that moves only when told (no timers: the stores never wait).</summary>
    protected sealed class StoreClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}

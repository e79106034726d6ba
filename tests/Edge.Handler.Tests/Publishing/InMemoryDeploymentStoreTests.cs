using EdgePortal.Edge.Build;
using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

public class InMemoryDeploymentStoreTests
{
    private static readonly PublishRequest _request = new()
    {
        Target = new Target { Name = "prod", FunctionName = "edge-rules", DistributionId = "E1" },
        RevisionId = "r1",
        PackageZip = [1],
        CodeSha256 = PackageDigest.Of([1]).CodeSha256,
    };

    [Fact]
    public async Task ListByTarget_TwoTargets_GivesOneTargetsDeploymentsNewestFirst()
    {
        var time = new JumpingTimeProvider();
        var store = new InMemoryDeploymentStore(time);
        var older = await store.CreateAsync(_request, default);
        time.Advance(TimeSpan.FromMinutes(1));
        await store.CreateAsync(_request with { Target = _request.Target with { Name = "other" } }, default);
        time.Advance(TimeSpan.FromMinutes(1));
        var newer = await store.CreateAsync(_request, default);

        Assert.Equal([newer.Id, older.Id], (await store.ListByTargetAsync("prod", default)).Select(d => d.Id));
    }

    [Fact]
    public async Task TryAcquireTargetLock_HeldByAnother_RefusesAndNamesTheHolder()
    {
        var store = new InMemoryDeploymentStore();

        var first = await store.TryAcquireTargetLockAsync("prod", "d1", default);
        var second = await store.TryAcquireTargetLockAsync("prod", "d2", default);

        Assert.True(first.Acquired);
        Assert.Equal(new TargetLock(false, "d1"), second);
    }

    [Fact]
    public async Task TryAcquireTargetLock_SameDeploymentAgain_IsGranted()
    {
        var store = new InMemoryDeploymentStore();
        await store.TryAcquireTargetLockAsync("prod", "d1", default);

        Assert.True((await store.TryAcquireTargetLockAsync("prod", "d1", default)).Acquired);
    }

    [Fact]
    public async Task ReleaseTargetLock_ByOtherDeployment_KeepsTheLock()
    {
        var store = new InMemoryDeploymentStore();
        await store.TryAcquireTargetLockAsync("prod", "d1", default);

        await store.ReleaseTargetLockAsync("prod", "d2", default);
        var afterWrongRelease = await store.TryAcquireTargetLockAsync("prod", "d2", default);
        await store.ReleaseTargetLockAsync("prod", "d1", default);
        var afterRelease = await store.TryAcquireTargetLockAsync("prod", "d2", default);

        Assert.False(afterWrongRelease.Acquired);
        Assert.True(afterRelease.Acquired);
    }

    [Fact]
    public async Task Save_AppendsToLogAndReplacesDeployment()
    {
        var store = new InMemoryDeploymentStore();
        var created = await store.CreateAsync(_request, default);
        var at = DateTimeOffset.UnixEpoch;

        await store.SaveAsync(created with { State = DeploymentState.Running }, new DeploymentLogEntry(null, StepEvent.Note, "go", at), default);
        await store.SaveAsync(created with { State = DeploymentState.Failed }, new DeploymentLogEntry(null, StepEvent.Failed, "no", at), default);

        Assert.Equal(DeploymentState.Failed, (await store.LoadAsync(created.Id, default))!.State);
        Assert.Equal(["go", "no"], (await store.LoadLogAsync(created.Id, default)).Select(e => e.Message));
        Assert.Empty(await store.ListUnfinishedAsync(default));
    }
}

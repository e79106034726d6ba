using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Tests.Publishing;
using EdgePortal.Portal.Services.Publishing;
using Microsoft.EntityFrameworkCore;

namespace EdgePortal.Portal.Tests.Publishing;

public sealed class DatabaseDeploymentStoreTests : DeploymentStoreContract, IDisposable
{
    private readonly StoreDatabase _database = new();

    protected override IDeploymentStore Open() => _database.OpenStore(Time);

    protected override IDeploymentStore Reopen(IDeploymentStore store) => _database.OpenStore(Time, owner: "test:2");

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TryAcquireTargetLock_ManyAtOnceFromTwoStoresOnOneFile_ExactlyOneDeploymentGetsIt()
    {
        var first = _database.OpenStore(Time, owner: "host-a:1");
        var second = _database.OpenStore(Time, owner: "host-b:2");

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).TryAcquireTargetLockAsync("prod", $"dep-{i}", default)));
        var answers = await Task.WhenAll(attempts);

        var winner = Assert.Single(answers, a => a.Acquired);
        Assert.All(answers, a => Assert.Equal(winner.HolderDeploymentId, a.HolderDeploymentId));
    }

    [Fact]
    public async Task TryAcquireTargetLock_HolderLeaseRanOut_AnotherDeploymentTakesItOver()
    {
        var dead = _database.OpenStore(Time, TimeSpan.FromMinutes(10), "host-a:1");
        var alive = _database.OpenStore(Time, TimeSpan.FromMinutes(10), "host-b:2");
        await dead.TryAcquireTargetLockAsync("prod", "dep-a", default);

        Time.Advance(TimeSpan.FromMinutes(9));
        var beforeExpiry = await alive.TryAcquireTargetLockAsync("prod", "dep-b", default);
        Time.Advance(TimeSpan.FromMinutes(2));
        var afterExpiry = await alive.TryAcquireTargetLockAsync("prod", "dep-b", default);

        Assert.Equal(new TargetLock(false, "dep-a"), beforeExpiry);
        Assert.Equal(new TargetLock(true, "dep-b"), afterExpiry);
        await using var db = await _database.NewFactory().CreateDbContextAsync();
        var row = await db.PublishLocks.SingleAsync();
        Assert.Equal(("dep-b", "host-b:2"), (row.DeploymentId, row.Owner));
    }

    [Fact]
    public async Task Save_ByTheHolder_RenewsTheLeaseUntilItsStepDeadline()
    {
        var store = _database.OpenStore(Time, TimeSpan.FromMinutes(10));
        var created = await store.CreateAsync(Request(), default);
        await store.TryAcquireTargetLockAsync(created.TargetId, created.Id, default);
        var waiting = created with { State = DeploymentState.Running, CurrentStep = PublishStep.WaitDeployed, StepDeadline = Time.GetUtcNow().AddMinutes(30) };
        await store.SaveAsync(waiting, new DeploymentLogEntry(PublishStep.WaitDeployed, StepEvent.Started, "wait", Time.GetUtcNow()), default);

        Time.Advance(TimeSpan.FromMinutes(35));
        var during = await _database.OpenStore(Time).TryAcquireTargetLockAsync(created.TargetId, "dep-other", default);
        Time.Advance(TimeSpan.FromMinutes(10));
        var after = await _database.OpenStore(Time).TryAcquireTargetLockAsync(created.TargetId, "dep-other", default);

        Assert.Equal(new TargetLock(false, created.Id), during);
        Assert.True(after.Acquired);
    }

    [Fact]
    public async Task Save_Succeeded_RecordsWhatTheTargetRunsAndTheStepTimes()
    {
        var store = _database.OpenStore(Time);
        var created = await store.CreateAsync(Request() with { RevisionId = "7" }, default);
        var started = Time.GetUtcNow();
        await store.SaveAsync(created with { State = DeploymentState.Running, CurrentStep = PublishStep.Version },
            new DeploymentLogEntry(PublishStep.Version, StepEvent.Started, "version", started), default);
        Time.Advance(TimeSpan.FromSeconds(3));
        var done = created with { State = DeploymentState.Succeeded, LastFinishedStep = PublishStep.Live, VersionArn = "arn:aws:lambda:us-east-1:1:function:f:4", FinishedAt = Time.GetUtcNow() };
        await store.SaveAsync(done, new DeploymentLogEntry(PublishStep.Version, StepEvent.Finished, "version 4", Time.GetUtcNow()), default);

        await using var db = await _database.NewFactory().CreateDbContextAsync();
        var live = await db.LiveDeployments.SingleAsync();
        var step = await db.DeploymentSteps.SingleAsync();
        Assert.Equal(("prod eu", "7", "arn:aws:lambda:us-east-1:1:function:f:4", created.Id), (live.TargetId, live.RevisionId, live.VersionArn, live.DeploymentId));
        Assert.Equal((PublishStep.Version, started, started.AddSeconds(3), (StepEvent?)StepEvent.Finished), (step.Step, step.StartedAt, step.EndedAt, step.Outcome));
    }

    [Fact]
    public async Task Save_Failed_LeavesWhatTheTargetRunsAlone()
    {
        var store = _database.OpenStore(Time);
        var created = await store.CreateAsync(Request(), default);

        await store.SaveAsync(created with { State = DeploymentState.Failed, Error = "no" }, new DeploymentLogEntry(null, StepEvent.Failed, "no", Time.GetUtcNow()), default);

        await using var db = await _database.NewFactory().CreateDbContextAsync();
        Assert.Empty(await db.LiveDeployments.ToListAsync());
    }
}

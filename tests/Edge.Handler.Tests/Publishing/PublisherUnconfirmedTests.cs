using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>
/// A publish whose association is written but whose wait for Deployed runs out of time did change what the edge
/// runs: it is recorded as such, and resuming the wait later finishes it with the right live record and invalidation.
/// </summary>
public class PublisherUnconfirmedTests
{
    private static readonly SimulationOptions SlowPropagation = new() { PropagationDelay = TimeSpan.FromMinutes(50) };

    [Fact]
    public async Task Run_DeployedWaitTimesOut_RecordsAssociatedButNotConfirmedAndInvalidatesNothing()
    {
        await using var world = await EmulatorWorld.StartAsync(SlowPropagation);

        var deployment = await world.PublishAsync(world.Request("r7"));

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.True(deployment.DeploymentUnconfirmed);
        Assert.Equal("Associated; deployment not confirmed", deployment.StateText);
        Assert.Equal(PublishStep.Associate, deployment.LastFinishedStep);
        Assert.Equal(
            "Associated; deployment not confirmed. Wait until the distribution is Deployed: Distribution EDFDVBD6EXAMPLE is still InProgress when the step's 35 min ran out. Resume the wait to confirm it.",
            deployment.Error);
        // The edge may be running it: the association is there for anyone to see.
        Assert.Equal(deployment.VersionArn, world.Associated());
        Assert.Empty(world.Invalidations);
        Assert.True((await world.Store.TryAcquireTargetLockAsync(world.Target.Name, "next", default)).Acquired);
    }

    [Fact]
    public async Task Run_ResumedAfterTheDistributionDeployed_SucceedsInvalidatesOnceAndClearsTheMark()
    {
        await using var world = await EmulatorWorld.StartAsync(SlowPropagation);
        var timedOut = await world.PublishAsync(world.Request("r7", ["/index.html", "/menu du jour/*"]));
        world.Emulator.Clock.Advance(TimeSpan.FromMinutes(20));

        var resumed = await world.Publisher().RunAsync(timedOut.Id, null, default);
        var log = await world.Store.LoadLogAsync(resumed.Id, default);

        Assert.True(timedOut.DeploymentUnconfirmed);
        Assert.Equal(DeploymentState.Succeeded, resumed.State);
        Assert.False(resumed.DeploymentUnconfirmed);
        Assert.Null(resumed.Error);
        Assert.Equal("Succeeded", resumed.StateText);
        Assert.Equal(timedOut.VersionArn, resumed.VersionArn);
        Assert.Equal(resumed.VersionArn, world.Associated());
        Assert.Equal(1, world.CloudFront.ConfigWrites);
        var invalidation = Assert.Single(world.Invalidations);
        Assert.Equal((resumed.Id, resumed.InvalidationId), (invalidation.CallerReference, invalidation.Id));
        Assert.Equal(["/index.html", "/menu%20du%20jour/*"], invalidation.Paths);
        Assert.True(invalidation.CreateTime >= world.Distribution.DeployedAt);
        Assert.Contains(log, e => e.Message == "Resuming after Associate the cache behaviours.");
    }

    [Fact]
    public async Task Run_KilledDuringTheWaitAndResumedAfterItsDeadline_GetsAFreshDeadlineAndEndsLiveWithTheInvalidation()
    {
        await using var world = await EmulatorWorld.StartAsync(SlowPropagation);
        var dying = new InterruptingStore(world.Store)
        {
            KillAt = e => e is { Step: PublishStep.WaitDeployed, Event: StepEvent.Started },
            SaveBeforeKilling = true,
        };
        var first = world.Publisher(dying);
        var created = await first.CreateAsync(world.Request("r7"), default);

        await Assert.ThrowsAsync<ProcessKilledException>(() => first.RunAsync(created.Id, null, default));
        var interrupted = await world.Store.LoadAsync(created.Id, default);
        world.Emulator.Clock.Advance(TimeSpan.FromHours(1));
        var resumed = Assert.Single(await world.Publisher().ResumeUnfinishedAsync(null, default));

        Assert.Equal((DeploymentState.Running, PublishStep.WaitDeployed), (interrupted!.State, interrupted.CurrentStep));
        Assert.NotNull(interrupted.StepDeadline);
        Assert.Equal(DeploymentState.Succeeded, resumed.State);
        Assert.Equal(resumed.VersionArn, world.Associated());
        Assert.Equal(resumed.InvalidationId, Assert.Single(world.Invalidations).Id);
    }
}

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>A publish whose process dies around each step, resumed by a new publisher on what the store kept.</summary>
public class PublisherRestartTests
{
    public static TheoryData<PublishStep, StepEvent, bool> KillPoints()
    {
        var data = new TheoryData<PublishStep, StepEvent, bool>();
        foreach (var step in Enum.GetValues<PublishStep>())
        {
            // Dies before recording that the step started; after the step did its work but before recording
            // it; and after recording it.
            data.Add(step, StepEvent.Started, false);
            data.Add(step, StepEvent.Finished, false);
            data.Add(step, StepEvent.Finished, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(KillPoints))]
    public async Task Run_KilledAroundAStepThenResumed_EndsWithOneVersionOneAssociationChangeOneInvalidation(
        PublishStep step, StepEvent at, bool recorded)
    {
        await using var world = await EmulatorWorld.StartAsync();
        var dying = new InterruptingStore(world.Store) { KillAt = e => e.Step == step && e.Event == at, SaveBeforeKilling = recorded };
        var first = world.Publisher(dying);
        var created = await first.CreateAsync(world.Request("r7"), default);

        await Assert.ThrowsAsync<ProcessKilledException>(() => first.RunAsync(created.Id, null, default));
        var resumed = await world.Publisher(world.Store).ResumeUnfinishedAsync(null, default);
        var final = await world.Store.LoadAsync(created.Id, default);

        Assert.Equal(DeploymentState.Succeeded, final!.State);
        Assert.Equal(step == PublishStep.Live && recorded ? 0 : 1, resumed.Count);
        Assert.Equal(7, world.Versions.Count);
        Assert.Equal(final.VersionArn, world.Associated());
        Assert.Equal(1, world.CloudFront.ConfigWrites);
        Assert.Equal(final.InvalidationId, Assert.Single(world.Invalidations).Id);
        Assert.Equal(DeploymentState.Succeeded, (await world.PublishAsync(world.Request("r8"))).State);
    }

    [Fact]
    public async Task Run_CancelledMidway_StaysRunningAndResumes()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var cancel = new CancellationTokenSource();
        var holding = new InterruptingStore(world.Store) { HoldAt = e => e is { Step: PublishStep.WaitDeployed, Event: StepEvent.Started } };
        var publisher = world.Publisher(holding);
        var created = await publisher.CreateAsync(world.Request("r7"), default);
        var run = publisher.RunAsync(created.Id, null, cancel.Token);
        await holding.Held.Task;

        await cancel.CancelAsync();
        holding.Release();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var interrupted = await world.Store.LoadAsync(created.Id, default);
        var resumed = await world.Publisher().RunAsync(created.Id, null, default);

        Assert.Equal(DeploymentState.Running, interrupted!.State);
        Assert.Equal(DeploymentState.Succeeded, resumed.State);
        Assert.Single(world.Invalidations);
    }
}

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

public class PublisherConcurrencyTests
{
    [Fact]
    public async Task Run_SecondPublishWhileFirstRuns_IsRefusedAndStaysQueuedUntilRunAgain()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var holding = new InterruptingStore(world.Store) { HoldAt = e => e is { Step: PublishStep.Associate, Event: StepEvent.Started } };
        var first = world.Publisher(holding);
        var second = world.Publisher(world.Store);
        var a = await first.CreateAsync(world.Request("r7"), default);
        var b = await second.CreateAsync(world.Request("r8"), default);
        var runA = first.RunAsync(a.Id, null, default);
        await holding.Held.Task;

        var refusal = await Assert.ThrowsAsync<TargetBusyException>(() => second.RunAsync(b.Id, null, default));
        var bWhileRefused = await world.Store.LoadAsync(b.Id, default);
        holding.Release();
        var aDone = await runA;
        var bDone = await second.RunAsync(b.Id, null, default);

        Assert.Equal(a.Id, refusal.HolderDeploymentId);
        Assert.Contains($"is being published by deployment {a.Id}", refusal.Message);
        Assert.Equal(DeploymentState.Queued, bWhileRefused!.State);
        Assert.Equal(DeploymentState.Succeeded, aDone.State);
        Assert.Equal(DeploymentState.Succeeded, bDone.State);
        Assert.Equal(bDone.VersionArn, world.Associated());
        Assert.Equal(8, world.Versions.Count);
    }

    [Fact]
    public async Task Run_TwoPublishesStartedTogether_NeverOverlapOnTheTarget()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var publisher = world.Publisher();
        var a = await publisher.CreateAsync(world.Request("r7"), default);
        var b = await publisher.CreateAsync(world.Request("r8"), default);

        var outcomes = await Task.WhenAll(Outcome(publisher, a.Id), Outcome(publisher, b.Id));

        Assert.Contains("Succeeded", outcomes);
        Assert.All(outcomes, o => Assert.True(o is "Succeeded" or "Busy", o));
        var succeeded = (await Task.WhenAll(world.Store.LoadAsync(a.Id, default), world.Store.LoadAsync(b.Id, default)))
            .Where(d => d!.State == DeploymentState.Succeeded).ToList();
        Assert.Equal(6 + succeeded.Count, world.Versions.Count);
        Assert.Equal(succeeded.Count, world.CloudFront.ConfigWrites);
    }

    [Fact]
    public async Task Run_DistributionChangedBetweenReadAndWrite_ReadsAgainAndKeepsTheOtherChange()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var reads = 0;
        world.CloudFront.AfterRead = snapshot =>
        {
            // The first read is the preflight's; the second is the association step's, which must meet the other writer.
            if (Interlocked.Increment(ref reads) == 2)
            {
                var other = snapshot.DistributionConfigXml.Replace("<Comment>VOD production distribution", "<Comment>Edited by hand", StringComparison.Ordinal);
                world.Simulation.CloudFront.UpdateDistribution(world.Target.DistributionId, other, snapshot.ETag);
            }
            return Task.CompletedTask;
        };

        var deployment = await world.PublishAsync(world.Request("r7"));
        var log = await world.Store.LoadLogAsync(deployment.Id, default);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal(deployment.VersionArn, world.Associated());
        Assert.Contains("<Comment>Edited by hand", world.ConfigXml);
        Assert.Contains(log, e => e.Event == StepEvent.Note && e.Message.Contains("PreconditionFailed", StringComparison.Ordinal));
    }

    private static async Task<string> Outcome(Publisher publisher, string id)
    {
        try
        {
            return (await publisher.RunAsync(id, null, default)).State.ToString();
        }
        catch (TargetBusyException)
        {
            return "Busy";
        }
    }
}

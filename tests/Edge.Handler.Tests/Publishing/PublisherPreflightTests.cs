using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Publishing;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Edge.Tests.Publishing;

public sealed class PublisherPreflightTests
{
    private static readonly string[] Writes = ["UpdateFunctionCode", "PublishVersion", "UpdateDistribution", "CreateInvalidation"];

    [Fact]
    public async Task Run_CacheKeyWithoutCountry_FailsBeforeAnyVersionWithOneLogLinePerFailingCheck()
    {
        await using var world = await EmulatorWorld.StartAsync(captureRequests: true);
        world.Simulation.Lambda.Configure(EmulatorSeed.FunctionName, f => f with { Timeout = 45 });
        var request = world.Request("r7") with
        {
            Target = world.Target with { CacheBehaviors = ["*", "/static/*"] },
            CacheKeyNeeds = new CacheKeyNeeds(["redirect ca"], []),
        };

        var deployment = await world.PublishAsync(request);
        var log = await world.Store.LoadLogAsync(deployment.Id, default);

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal((PublishStep.Preflight, "PreflightFailed"), (deployment.CurrentStep!.Value, deployment.ErrorCode));
        Assert.StartsWith("Check the target: 2 of 18 checks failed; nothing was changed.", deployment.Error);
        Assert.Contains("Cache behaviour '/static/*' uses cache policy Managed-CachingOptimized (658327ea-f89d-4fab-a63d-7e88639e58f6)", deployment.Error);
        var notes = log.Where(e => e.Step == PublishStep.Preflight && e.Event == StepEvent.Note).Select(e => e.Message).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.StartsWith("Lambda function edge-rules times out after 45 s", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.StartsWith("Cache behaviour '/static/*' uses cache policy Managed-CachingOptimized", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Emulator.Requests.All, r => Writes.Contains(r.Operation));
        Assert.Equal(EmulatorSeed.PublishedVersions, world.Versions.Count);
        Assert.True((await world.Store.TryAcquireTargetLockAsync(world.Target.Name, "next", default)).Acquired);
    }

    [Fact]
    public async Task Run_PreflightPasses_RecordsItAsTheFirstFinishedStep()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var deployment = await world.PublishAsync(world.Request("r7") with { CacheKeyNeeds = new CacheKeyNeeds(["redirect ca"], ["redirect ca (keeps the query string)"]) });
        var log = await world.Store.LoadLogAsync(deployment.Id, default);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        var first = log.First(e => e.Event == StepEvent.Finished);
        Assert.Equal((PublishStep.Preflight, "18 of 18 checks passed."), (first.Step, first.Message));
    }

    [Fact]
    public async Task Run_ResumedAfterThePreflight_DoesNotRunItAgain()
    {
        await using var world = await EmulatorWorld.StartAsync(captureRequests: true);
        var publisher = world.Publisher();
        var created = await publisher.CreateAsync(world.Request("r7"), default);
        await world.Store.SaveAsync(created with { State = DeploymentState.Running, LastFinishedStep = PublishStep.Preflight },
            new DeploymentLogEntry(PublishStep.Preflight, StepEvent.Finished, "18 of 18 checks passed.", world.Time.GetUtcNow()), default);
        // A function that would now fail the preflight: a resumed run must carry on, not stop half-way.
        world.Simulation.Lambda.Configure(EmulatorSeed.FunctionName, f => f with { Timeout = 45 });

        var deployment = await publisher.RunAsync(created.Id, null, default);

        Assert.DoesNotContain(world.Emulator.Requests.All, r => r.Operation == "GetRole");
        Assert.NotEqual(PublishStep.Preflight, deployment.CurrentStep);
    }
}

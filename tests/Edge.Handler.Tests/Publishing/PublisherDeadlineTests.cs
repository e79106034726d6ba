using System.Diagnostics;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>Each step ends by its deadline, whatever AWS does; and a failing call is retried by one layer only.</summary>
public class PublisherDeadlineTests
{
    [Fact]
    public async Task Run_ThrottledForGood_IsRetriedByOneLayerOnly()
    {
        await using var world = await EmulatorWorld.StartAsync(captureRequests: true);
        world.Faults.Add(new Fault("GetDistributionConfig", FaultKind.Throttle, Count: 10_000));

        var deployment = await world.PublishAsync(world.Request("r7"));

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal("Throttling", deployment.ErrorCode);
        Assert.Contains("(gave up after 3 attempts)", deployment.Error);
        Assert.Equal(EmulatorWorld.FastOptions.Retry.MaxAttempts, world.Emulator.Requests.All.Count(r => r.Operation == "GetDistributionConfig"));
    }

    [Fact]
    public async Task Run_HungGetDistribution_CannotStretchTheWaitPastItsDeadline()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Faults.Add(new Fault("GetDistribution", FaultKind.Slow, Count: 10_000, Delay: TimeSpan.FromMinutes(10)));
        var options = EmulatorWorld.FastOptions with
        {
            Retry = EmulatorWorld.FastOptions.Retry with { AttemptTimeout = TimeSpan.FromMinutes(5) },
            DeployedTimeout = TimeSpan.FromSeconds(3),
        };
        var clock = Stopwatch.StartNew();

        var deployment = await world.PublishAsync(world.Request("r7"), world.Publisher(options: options));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(PublishStep.WaitDeployed, deployment.CurrentStep);
        Assert.Contains("GetDistribution failed: no answer in time (the time ran out", deployment.Error);
        Assert.True(deployment.DeploymentUnconfirmed);
        Assert.Empty(world.Invalidations);
    }

    [Fact]
    public async Task Run_TooManyInvalidationsForLonger_FailsWhenTheStepsTimeRunsOutNamingTheCode()
    {
        await using var world = await EmulatorWorld.StartAsync(new SimulationOptions { InvalidationDelay = TimeSpan.FromHours(2) });
        for (var i = 0; i < 15; i++)
        {
            world.Simulation.CloudFront.CreateInvalidation(world.Target.DistributionId, [$"/other-{i}/*"], $"someone-else-{i}");
        }

        var deployment = await world.PublishAsync(world.Request("r7", ["/api/*"]));

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(AwsErrorCodes.TooManyInvalidationsInProgress, deployment.ErrorCode);
        Assert.Contains("when the step's 15 min ran out", deployment.Error);
        Assert.True(deployment.DeploymentUnconfirmed);
    }
}

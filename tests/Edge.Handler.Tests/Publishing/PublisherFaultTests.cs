using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>Every AWS call of every step, hit by every fault the emulator injects: a few times, or for good.</summary>
public class PublisherFaultTests
{
    private const string NewArn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:7";

    public static TheoryData<string, FaultKind> PassingFaults()
    {
        var data = new TheoryData<string, FaultKind>();
        foreach (var operation in new[] { "ListVersionsByFunction", "GetFunctionConfiguration", "UpdateFunctionCode", "PublishVersion",
            "GetDistributionConfig", "UpdateDistribution", "GetDistribution", "CreateInvalidation" })
        {
            data.Add(operation, FaultKind.Throttle);
            data.Add(operation, FaultKind.ServerError);
            data.Add(operation, FaultKind.Slow);
        }
        data.Add("UpdateFunctionCode", FaultKind.Conflict);
        data.Add("PublishVersion", FaultKind.Conflict);
        data.Add("UpdateDistribution", FaultKind.ConcurrentWriter);
        return data;
    }

    [Theory]
    [MemberData(nameof(PassingFaults))]
    public async Task Run_TransientFault_SucceedsWithOneVersionOneAssociationChangeOneInvalidation(string operation, FaultKind kind)
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Faults.Add(new Fault(operation, kind, Count: 2, Delay: TimeSpan.FromSeconds(2)));

        var deployment = await world.PublishAsync(world.Request("r7"));

        Assert.True(deployment.State == DeploymentState.Succeeded, deployment.Error);
        Assert.Equal(0, world.Faults.Pending);
        Assert.Equal(7, world.Versions.Count);
        Assert.Equal(NewArn, world.Associated("/api/*", "origin-response"));
        Assert.Equal(1, world.CloudFront.ConfigWrites);
        Assert.Equal(["/index.html", "/api/*"], Assert.Single(world.Invalidations).Paths);
    }

    public static TheoryData<string, FaultKind, string> FailingFaults() => new()
    {
        { "ListVersionsByFunction", FaultKind.Throttle, "TooManyRequestsException" },
        { "GetFunctionConfiguration", FaultKind.ServerError, "ServiceException" },
        { "UpdateFunctionCode", FaultKind.Conflict, "ResourceConflictException" },
        { "UpdateFunctionCode", FaultKind.ServerError, "ServiceException" },
        { "PublishVersion", FaultKind.Throttle, "TooManyRequestsException" },
        { "PublishVersion", FaultKind.Conflict, "ResourceConflictException" },
        { "GetDistributionConfig", FaultKind.Throttle, "Throttling" },
        { "UpdateDistribution", FaultKind.ServerError, "InternalError" },
        { "UpdateDistribution", FaultKind.ConcurrentWriter, "PreconditionFailed" },
        { "GetDistribution", FaultKind.ServerError, "InternalError" },
        { "CreateInvalidation", FaultKind.Throttle, "Throttling" },
    };

    [Theory]
    [MemberData(nameof(FailingFaults))]
    public async Task Run_LastingFault_FailsNamingTheCodeAndLeavesNothingInconsistent(string operation, FaultKind kind, string code)
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Faults.Add(new Fault(operation, kind, Count: 10_000));

        var deployment = await world.PublishAsync(world.Request("r7"));

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(code, deployment.ErrorCode);
        Assert.Contains($"{operation} failed", deployment.Error);
        Assert.Contains(code, deployment.Error);
        var associated = deployment.LastFinishedStep >= PublishStep.Associate;
        Assert.Equal(associated, deployment.DeploymentUnconfirmed);
        Assert.StartsWith(associated ? $"{Deployment.UnconfirmedText}. {Publisher.Title(deployment.CurrentStep!.Value)}" : Publisher.Title(deployment.CurrentStep!.Value),
            deployment.Error);
        // Never an invalidation without a deployed association; never an association to a version that is not there.
        Assert.Empty(world.Invalidations);
        var running = world.Associated("/api/*", "origin-response");
        Assert.True(running is null || world.Versions.Any(v => running.EndsWith(":" + v.Version, StringComparison.Ordinal)));
        Assert.True((await world.Store.TryAcquireTargetLockAsync(world.Target.Name, "next", default)).Acquired);
    }

    [Fact]
    public async Task Run_FailedThenRunAgain_ResumesAtTheFailedStepAndSucceeds()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Faults.Add(new Fault("GetDistribution", FaultKind.ServerError, Count: 10_000));
        var publisher = world.Publisher();
        var failed = await world.PublishAsync(world.Request("r7"), publisher);
        world.Faults.Clear();

        var retried = await publisher.RunAsync(failed.Id, null, default);

        Assert.Equal(PublishStep.WaitDeployed, failed.CurrentStep);
        Assert.Equal(DeploymentState.Succeeded, retried.State);
        Assert.Null(retried.Error);
        Assert.Equal(7, world.Versions.Count);
        Assert.Equal(1, world.CloudFront.ConfigWrites);
        Assert.Single(world.Invalidations);
    }

    [Fact]
    public async Task Run_TooManyInvalidationsInProgress_WaitsForThemAndThenInvalidates()
    {
        await using var world = await EmulatorWorld.StartAsync(new SimulationOptions { InvalidationDelay = TimeSpan.FromMinutes(10) });
        for (var i = 0; i < 15; i++)
        {
            world.Simulation.CloudFront.CreateInvalidation(world.Target.DistributionId, [$"/other-{i}/*"], $"someone-else-{i}");
        }

        var deployment = await world.PublishAsync(world.Request("r7", ["/api/*"]));
        var log = await world.Store.LoadLogAsync(deployment.Id, default);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal(["/api/*"], world.Invalidations.Single(i => i.CallerReference == deployment.Id).Paths);
        Assert.Contains(log, e => e.Message.Contains("too many invalidations in progress", StringComparison.Ordinal));
    }
}

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>A function is ready only when Lambda says Active and Successful; a stale failed update does not block the fix.</summary>
public class PublisherReadinessTests
{
    [Fact]
    public async Task Run_LatestHasAStaleFailedUpdate_UploadsTheFixNotesTheOldFailureAndSucceeds()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var lambda = new ScriptedLambda(world.Clients.Lambda);
        // Until our upload, $LATEST carries an earlier attempt's failure.
        lambda.Configuration = (c, qualifier) => qualifier is null && lambda.Uploads == 0
            ? c with { LastUpdateStatus = "Failed", LastUpdateStatusReason = "The runtime could not load index.mjs" }
            : c;
        var publisher = Publisher(world, lambda);

        var deployment = await world.PublishAsync(world.Request("r7"), publisher);
        var log = await world.Store.LoadLogAsync(deployment.Id, default);

        Assert.True(deployment.State == DeploymentState.Succeeded, deployment.Error);
        Assert.Equal(1, lambda.Uploads);
        Assert.Equal(deployment.VersionArn, world.Associated());
        Assert.Contains(log, e => e.Event == StepEvent.Note
            && e.Message == "An earlier update of edge-rules failed (The runtime could not load index.mjs); uploading the package replaces it.");
    }

    [Fact]
    public async Task Run_UpdateFailsAfterOurUpload_FailsWithLambdasReasonAndAssociatesNothing()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var lambda = new ScriptedLambda(world.Clients.Lambda);
        lambda.Configuration = (c, qualifier) => qualifier is null && lambda.Uploads > 0
            ? c with { LastUpdateStatus = "Failed", LastUpdateStatusReason = "InvalidImage: the zip is damaged" }
            : c;

        var deployment = await world.PublishAsync(world.Request("r7"), Publisher(world, lambda));

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(PublishStep.Version, deployment.CurrentStep);
        Assert.Equal("Publish the Lambda version: Lambda reports edge-rules as State Active, LastUpdateStatus Failed: InvalidImage: the zip is damaged.",
            deployment.Error);
        Assert.False(deployment.DeploymentUnconfirmed);
        Assert.Equal(EmulatorWorld.SeedArn, world.Associated());
    }

    [Theory]
    [InlineData(null, "Successful")]
    [InlineData("Active", null)]
    [InlineData("Inactive", "Successful")]
    public async Task Run_NewVersionNotReportedActiveAndSuccessful_IsNotReadyAndIsNeverAssociated(string? state, string? lastUpdateStatus)
    {
        await using var world = await EmulatorWorld.StartAsync();
        var lambda = new ScriptedLambda(world.Clients.Lambda)
        {
            Configuration = (c, qualifier) => qualifier == "7" ? c with { State = state, LastUpdateStatus = lastUpdateStatus } : c,
        };

        var deployment = await world.PublishAsync(world.Request("r7"), Publisher(world, lambda));

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(PublishStep.Version, deployment.CurrentStep);
        Assert.Contains($"edge-rules:7 is State {state ?? "(not given)"}, LastUpdateStatus {lastUpdateStatus ?? "(not given)"} when the step's 30 s ran out",
            deployment.Error);
        Assert.Equal(EmulatorWorld.SeedArn, world.Associated());
    }

    private static Publisher Publisher(EmulatorWorld world, ScriptedLambda lambda)
        => new(world.Store, new FixedClients(world.Clients with { Lambda = lambda }), EmulatorWorld.FastOptions, world.Time);
}

using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>
/// The emulator's distribution is the shared fixture: its <c>/video/*</c> behaviour runs its own origin-response
/// function. A target manages only the event types it names, so that function survives every publish.
/// </summary>
public class PublisherAssociationSafetyTests
{
    [Fact]
    public async Task Run_TargetManagingOnlyOriginRequestOnVideo_KeepsVideosOriginResponseFunctionThroughEveryPublish()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var target = world.Target with { CacheBehaviors = ["/video/*"], EventTypes = ["origin-request"] };
        var theirs = world.Associated("/video/*", "origin-response");

        var first = await world.PublishAsync(world.Request("r7") with { Target = target });
        var afterFirst = world.Associated("/video/*", "origin-response");
        var second = await world.PublishAsync(world.Request("r8") with { Target = target });
        var rollback = await world.PublishAsync(world.Request("r7") with { Target = target, Kind = PublishKind.Rollback, PackageZip = [] });

        Assert.Equal(EmulatorWorld.SeedArn, theirs);
        Assert.All(new[] { first, second, rollback }, d => Assert.Equal(DeploymentState.Succeeded, d.State));
        Assert.Equal(theirs, afterFirst);
        Assert.Equal(theirs, world.Associated("/video/*", "origin-response"));
        Assert.Equal(first.VersionArn, world.Associated("/video/*", "origin-request"));
        Assert.NotEqual(theirs, second.VersionArn);
        // Behaviours the target does not name are not touched either.
        Assert.Equal(EmulatorWorld.SeedArn, world.Associated("*", "origin-request"));
    }

    [Fact]
    public async Task Run_TargetOnTheOtherBehaviours_LeavesVideoExactlyAsItWas()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var before = world.ConfigXml;

        await world.PublishAsync(world.Request("r7"));

        Assert.Equal(EmulatorWorld.SeedArn, world.Associated("/video/*", "origin-response"));
        Assert.Null(world.Associated("/video/*", "origin-request"));
        Assert.True(Aws.ConfigRoundTrip.SameApartFromManagedParts(before, world.ConfigXml, world.Target.CacheBehaviors),
            Aws.ConfigRoundTrip.Describe(before, world.ConfigXml, world.Target.CacheBehaviors));
    }
}

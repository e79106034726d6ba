using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Tests.Handler;

namespace EdgePortal.Edge.Tests.Publishing;

public class PublisherTests
{
    [Fact]
    public async Task Run_HappyPath_PointsBehavioursAtNewVersionWithThePackagesCode()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var request = world.Request("r7");

        var deployment = await world.PublishAsync(request);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        var arn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:7";
        Assert.Equal(arn, deployment.VersionArn);
        Assert.False(deployment.VersionReused);
        Assert.Equal(request.CodeSha256, world.Versions.Single(v => v.Version == "7").Code.CodeSha256);
        Assert.Equal(request.PackageZip, world.Simulation.Lambda.GetCode("edge-rules", "7"));
        Assert.All(new[] { ("*", "origin-request"), ("*", "origin-response"), ("/api/*", "origin-request"), ("/api/*", "origin-response") },
            b => Assert.Equal(arn, world.Associated(b.Item1, b.Item2)));
        Assert.Equal(1, world.CloudFront.ConfigWrites);
    }

    [Fact]
    public async Task Run_HandlerBuiltFromDocument_DistributionRunsANewVersionWithExactlyThatCode()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var build = Packages.Build(SampleDocuments.Vod, "rev-42");
        var request = world.Request("rev-42", ["/shows/*", "/index.html"]) with { PackageZip = build.Zip, CodeSha256 = build.CodeSha256 };

        var deployment = await world.PublishAsync(request);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        var associated = world.Associated("*", "origin-request")!;
        Assert.EndsWith(":7", associated);
        Assert.Equal(build.Zip, world.Simulation.Lambda.GetCode(associated, null));
        Assert.Equal(build.CodeSha256, world.Versions[^1].Code.CodeSha256);
        Assert.Equal(["/shows/*", "/index.html"], Assert.Single(world.Invalidations).Paths);
    }

    [Fact]
    public async Task Run_HappyPath_InvalidatesExactlyThePlannedPathsOnlyAfterDeployed()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var deployment = await world.PublishAsync(world.Request("r7", ["/index.html", "/api/*", "/de/*"]));

        var invalidation = Assert.Single(world.Invalidations);
        Assert.Equal(deployment.InvalidationId, invalidation.Id);
        Assert.Equal(deployment.Id, invalidation.CallerReference);
        Assert.Equal(["/index.html", "/api/*", "/de/*"], invalidation.Paths);
        Assert.True(invalidation.CreateTime >= world.Distribution.DeployedAt,
            $"invalidated at {invalidation.CreateTime:O}, deployed at {world.Distribution.DeployedAt:O}");
    }

    [Fact]
    public async Task Run_EmptyInvalidationPlan_CreatesNoInvalidation()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var deployment = await world.PublishAsync(world.Request("r7", []));

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Null(deployment.InvalidationId);
        Assert.Empty(world.Invalidations);
    }

    [Fact]
    public async Task Run_GeoRestriction_IsSetOnTheDistribution()
    {
        await using var world = await EmulatorWorld.StartAsync();

        await world.PublishAsync(world.Request("r7", geo: new GeoRestrictionSetting("blacklist", ["RU", "KP"])));

        Assert.Contains("<RestrictionType>blacklist</RestrictionType><Quantity>2</Quantity><Items><Location>RU</Location><Location>KP</Location></Items>",
            world.ConfigXml);
    }

    [Fact]
    public async Task Run_SameRevisionTwice_ReusesTheVersionAndWritesNothing()
    {
        await using var world = await EmulatorWorld.StartAsync();
        await world.PublishAsync(world.Request("r7"));

        var again = await world.PublishAsync(world.Request("r7"));

        Assert.Equal(DeploymentState.Succeeded, again.State);
        Assert.True(again.VersionReused);
        Assert.False(again.AssociationChanged);
        Assert.Equal(7, world.Versions.Count);
        Assert.Equal(1, world.CloudFront.ConfigWrites);
    }

    [Fact]
    public async Task Run_Rollback_ReassociatesTheEarlierVersionWithoutUploading()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var first = await world.PublishAsync(world.Request("r7"));
        await world.PublishAsync(world.Request("r8"));
        var rollback = world.Request("r7", ["/index.html"]) with { Kind = PublishKind.Rollback, PackageZip = [] };

        var deployment = await world.PublishAsync(rollback);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.True(deployment.VersionReused);
        Assert.Equal(first.VersionArn, world.Associated());
        Assert.Equal(8, world.Versions.Count);
        Assert.Equal(["/index.html"], world.Invalidations[^1].Paths);
    }

    [Fact]
    public async Task Run_RollbackToMissingVersion_FailsSayingSoAndChangesNothing()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var rollback = world.Request("never-published") with { Kind = PublishKind.Rollback, PackageZip = [] };

        var deployment = await world.PublishAsync(rollback);

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Contains("Rollback needs a version of edge-rules with CodeSha256", deployment.Error);
        Assert.Equal(EmulatorWorld.SeedArn, world.Associated());
        Assert.Equal(6, world.Versions.Count);
    }

    [Fact]
    public async Task Create_PackageNotMatchingSha_ThrowsNamingCodeSha256()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var request = world.Request("r7") with { CodeSha256 = PackageHash.CodeSha256([1, 2]) };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => world.Publisher().CreateAsync(request, default));

        Assert.Contains("codeSha256: the package's SHA-256 is", error.Message);
    }

    [Fact]
    public async Task Run_UnknownCacheBehaviour_FailsInThePreflightNamingItAndChangesNothing()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var request = world.Request("r7") with { Target = world.Target with { CacheBehaviors = ["/nope/*"] } };

        var deployment = await world.PublishAsync(request);

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Equal(PublishStep.Preflight, deployment.CurrentStep);
        Assert.Equal(EmulatorSeed.PublishedVersions, world.Versions.Count);
        Assert.Contains("'/nope/*'", deployment.Error);
        Assert.Empty(world.Invalidations);
        Assert.Equal(EmulatorWorld.SeedArn, world.Associated());
    }

    [Fact]
    public async Task Run_EveryStep_IsRecordedStartedThenFinished()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var deployment = await world.PublishAsync(world.Request("r7"));

        var log = await world.Store.LoadLogAsync(deployment.Id, default);

        var steps = log.Where(e => e.Event is StepEvent.Started or StepEvent.Finished).Select(e => $"{e.Step} {e.Event}");
        Assert.Equal(Enum.GetValues<PublishStep>().SelectMany(s => new[] { $"{s} Started", $"{s} Finished" }), steps);
    }
}

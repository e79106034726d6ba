using EdgePortal.Edge.Drift;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Tests.Publishing;

namespace EdgePortal.Edge.Tests.Drift;

/// <summary>The drift check against the emulator: the portal publishes, someone else edits the distribution, the check says what differs.</summary>
public sealed class DriftCheckTests : IAsyncLifetime
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules";

    private EmulatorWorld _world = null!;

    public async Task InitializeAsync() => _world = await EmulatorWorld.StartAsync(captureRequests: true);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task RunAsync_NothingChangedSincePublish_FindsNoDifference()
    {
        var published = await PublishAsync(new GeoRestrictionSetting("blacklist", ["RU"]));

        var result = await CheckAsync(published);

        Assert.Null(result.Failure);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public async Task RunAsync_BehaviourMovedOutsidePortal_SaysWhichVersionItRuns()
    {
        var published = await PublishAsync();
        Assert.Equal("7", published.Version);
        MoveOutside("/api/*", "origin-request", Arn + ":5");
        MoveOutside("/api/*", "origin-response", Arn + ":5");

        var result = await CheckAsync(published);

        Assert.Equal(["behaviour /api/* runs version 5; the portal published version 7"], result.Differences);
    }

    [Fact]
    public async Task RunAsync_OneEventTypeRemovedOutsidePortal_NamesTheEventType()
    {
        var published = await PublishAsync();
        MoveOutside("*", "origin-response", null);

        var result = await CheckAsync(published);

        Assert.Equal(["behaviour * runs no function at origin-response; the portal published version 7"], result.Differences);
    }

    [Fact]
    public async Task RunAsync_GeoRestrictionChangedOutsidePortal_SaysBothRestrictions()
    {
        var published = await PublishAsync(new GeoRestrictionSetting("blacklist", ["RU"]));
        ChangeGeo(new GeoRestrictionSetting("whitelist", ["US", "CA"]));

        var result = await CheckAsync(published);

        Assert.Equal(["the geo restriction is whitelist US, CA; the portal published blacklist RU"], result.Differences);
    }

    [Fact]
    public async Task RunAsync_GeoRestrictionChangedButDocumentSetsNone_IsNotDrift()
    {
        var published = await PublishAsync();
        ChangeGeo(new GeoRestrictionSetting("whitelist", ["US", "CA"]));

        var result = await CheckAsync(published);

        Assert.Empty(result.Differences);
    }

    [Fact]
    public async Task RunAsync_PublishedVersionDeletedOutsidePortal_SaysItNoLongerExists()
    {
        var published = await PublishAsync();
        foreach (var (behaviour, eventType) in new[] { ("*", "origin-request"), ("*", "origin-response"), ("/api/*", "origin-request"), ("/api/*", "origin-response") })
        {
            MoveOutside(behaviour, eventType, Arn + ":6");
        }
        _world.Emulator.Clock.Advance(_world.Simulation.Options.ReplicaRetention + TimeSpan.FromMinutes(1));
        _world.Simulation.Lambda.DeleteFunction(Arn, "7");

        var result = await CheckAsync(published);

        Assert.Equal([
            "behaviour * runs version 6; the portal published version 7",
            "behaviour /api/* runs version 6; the portal published version 7",
            $"version 7 ({Arn}:7) no longer exists; the portal published it",
        ], result.Differences);
    }

    [Fact]
    public async Task RunAsync_BehaviourRemovedOutsidePortal_SaysTheDistributionLacksIt()
    {
        var published = await PublishAsync();
        var withoutApi = published with { CacheBehaviors = ["*", "/gone/*"] };

        var result = await CheckAsync(withoutApi);

        Assert.Equal(["the distribution has no behaviour /gone/*; the portal published version 7 there"], result.Differences);
    }

    [Fact]
    public async Task RunAsync_ThrottledTwice_RetriesThroughTheRetryPolicy()
    {
        var published = await PublishAsync();
        MoveOutside("/api/*", "origin-request", Arn + ":5");
        _world.Emulator.Requests.Clear();
        _world.Faults.Add("GetDistributionConfig", FaultKind.Throttle, 2);

        var result = await CheckAsync(published);

        Assert.Equal(["behaviour /api/* runs version 5 at origin-request; the portal published version 7"], result.Differences);
        Assert.Equal(3, _world.Emulator.Requests.All.Count(r => r.Operation == "GetDistributionConfig"));
    }

    [Fact]
    public async Task RunAsync_NoSuchDistribution_FailsWithASentenceAndNoDifferences()
    {
        var published = await PublishAsync();
        var missing = _world.Target with { DistributionId = "EMISSINGEXAMPLE" };

        var result = await DriftCheck.RunAsync(missing, _world.Clients, published, Reads(), default);

        Assert.Empty(result.Differences);
        Assert.StartsWith("Distribution EMISSINGEXAMPLE could not be read: ", result.Failure);
    }

    private async Task<PublishedState> PublishAsync(GeoRestrictionSetting? geo = null)
    {
        var request = _world.Request("r1", geo: geo);
        var deployment = await _world.PublishAsync(request);
        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        return PublishedState.Latest([deployment])!;
    }

    private Task<DriftResult> CheckAsync(PublishedState published) =>
        DriftCheck.RunAsync(_world.Target, _world.Clients, published, Reads(), default);

    private PreflightReads Reads() => PreflightReads.Standalone(EmulatorWorld.FastOptions.Retry, _world.Time);

    private void MoveOutside(string behaviour, string eventType, string? arn) =>
        _world.Simulation.CloudFront.ChangeOutsidePortal(_world.Target.DistributionId, new DistributionConfigChange
        {
            CacheBehaviors = [behaviour],
            Functions = new Dictionary<string, string?> { [eventType] = arn },
        });

    private void ChangeGeo(GeoRestrictionSetting geo) =>
        _world.Simulation.CloudFront.ChangeOutsidePortal(_world.Target.DistributionId, new DistributionConfigChange
        {
            CacheBehaviors = ["*"],
            Functions = new Dictionary<string, string?>(),
            GeoRestriction = geo,
        });
}

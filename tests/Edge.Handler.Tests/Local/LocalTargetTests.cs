using EdgePortal.Edge.Local;
using EdgePortal.Edge.Node;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Tests.Handler;
using EdgePortal.Edge.Tests.Publishing;

namespace EdgePortal.Edge.Tests.Local;

public sealed class LocalTargetTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "edgeportal-local-" + Guid.NewGuid().ToString("N"));
    private readonly JumpingTimeProvider _time = new();

    private LocalTargetOptions Options => new() { Directory = _directory };

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Open_FreshDirectory_SeedsFunctionAndDistributionAndSavesThem()
    {
        var local = LocalTarget.Open(Options, _time);

        Assert.True(File.Exists(Path.Combine(_directory, LocalAws.SnapshotFileName)));
        var latest = await local.GetFunctionConfigurationAsync(LocalSeed.FunctionName, null, default);
        Assert.Equal("$LATEST", latest.Version);
        Assert.Equal(["$LATEST"], (await local.ListVersionsByFunctionAsync(LocalSeed.FunctionName, default)).Select(v => v.Version));
        var status = await local.GetDistributionAsync(LocalSeed.DistributionId, default);
        Assert.True(status.IsDeployed);
        Assert.Null(new LocalLiveHandler(local, Options).Find());
    }

    [Fact]
    public async Task Publish_ToLocalTarget_ChangesVersionsAssociationsAndInvalidationsAndSurvivesReopening()
    {
        var local = LocalTarget.Open(Options, _time);
        var build = Packages.Build(SampleDocuments.Vod, "rev-1");

        var deployment = await Publish(local, build.Zip, build.CodeSha256, "rev-1");
        var reopened = LocalTarget.Open(Options, _time);

        Assert.Equal(DeploymentState.Succeeded, deployment.State);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:1", deployment.VersionArn);
        var versions = await reopened.ListVersionsByFunctionAsync(LocalSeed.FunctionName, default);
        Assert.Equal(build.CodeSha256, versions.Single(v => v.Version == "1").CodeSha256);
        var config = await reopened.GetDistributionConfigAsync(LocalSeed.DistributionId, default);
        Assert.Equal(deployment.VersionArn, DistributionConfigEditor.AssociatedFunction(config.DistributionConfigXml, "*", "origin-response"));
        var invalidation = await reopened.GetInvalidationAsync(LocalSeed.DistributionId, deployment.InvalidationId!, default);
        Assert.Equal(["/*"], invalidation.Paths);
    }

    [Fact]
    public async Task State_AfterPublish_ShowsTheVersionItsAssociationsAndTheInvalidation()
    {
        var local = LocalTarget.Open(Options, _time);
        var changes = 0;
        local.Changed += (_, _) => Interlocked.Increment(ref changes);
        var build = Packages.Build(SampleDocuments.Vod, "rev-1");

        var deployment = await Publish(local, build.Zip, build.CodeSha256, "rev-1");
        var state = LocalTargetState.Read(local, Options);

        var version = Assert.Single(state.Versions);
        Assert.Equal(("1", build.CodeSha256), (version.Version, version.CodeSha256));
        Assert.Equal(
            [new LocalAssociation("*", "origin-request", deployment.VersionArn!), new LocalAssociation("*", "origin-response", deployment.VersionArn!)],
            state.Associations);
        Assert.Equal("Deployed", state.DistributionStatus);
        Assert.Equal(["/*"], Assert.Single(state.Invalidations).Paths);
        // Code update, version, config write, invalidation.
        Assert.Equal(4, changes);
    }

    [Fact]
    public async Task LiveHandler_AfterPublish_RunsThePublishedHandlerUnderNode()
    {
        var local = LocalTarget.Open(Options, _time);
        var first = Packages.Build(SampleDocuments.Vod, "rev-1");
        var second = Packages.Build(SampleDocuments.Vod with { Redirects = [] }, "rev-2");
        var live = new LocalLiveHandler(local, Options);
        var request = CloudFrontEvents.OriginRequest("/index.html", "CA").ToJsonString();
        await Publish(local, first.Zip, first.CodeSha256, "rev-1");
        var redirected = await live.InvokeAsync(request);
        await Publish(local, second.Zip, second.CodeSha256, "rev-2");

        var found = live.Find();
        var canadian = await live.InvokeAsync(request);

        Assert.Equal("2", found!.Version);
        Assert.Equal(second.Zip, found.Zip);
        Assert.Equal("301", redirected.Result!["status"]!.GetValue<string>());
        Assert.True(canadian.Succeeded, canadian.Error);
        // Revision 2 dropped the Canadian redirect: the request goes on to the origin.
        Assert.Equal("/index.html", canadian.Result!["uri"]!.GetValue<string>());
        Assert.Null(canadian.Result["status"]);
    }

    [Fact]
    public async Task LiveHandler_NothingPublished_SaysToPublishFirst()
    {
        var live = new LocalLiveHandler(LocalTarget.Open(Options, _time), Options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => live.InvokeAsync(CloudFrontEvents.OriginRequest("/index.html", "CA").ToJsonString()));

        Assert.Contains("publish a revision to the local target first", error.Message);
    }

    private async Task<Deployment> Publish(LocalAws local, byte[] zip, string codeSha256, string revision)
    {
        var publisher = new Publisher(new InMemoryDeploymentStore(_time), new FixedClients(new ShippingClients(local, local)),
            new PublisherOptions(), _time);
        var deployment = await publisher.CreateAsync(new PublishRequest
        {
            Target = Target.ForLocal(Options),
            RevisionId = revision,
            PackageZip = zip,
            CodeSha256 = codeSha256,
            InvalidationPaths = ["/*"],
        }, default);
        return await publisher.RunAsync(deployment.Id, null, default);
    }
}

using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Preflight;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Edge.Simulation;
using EdgePortal.Edge.Tests.Aws;
using EdgePortal.Edge.Tests.Publishing;
using EdgePortal.Rules.Lint;

namespace EdgePortal.Edge.Tests.Preflight;

public sealed class PreflightCheckTests
{
    private static readonly CacheKeyNeeds CountryAndQuery = new(["redirect ca"], ["redirect ca (keeps the query string)"]);

    [Fact]
    public async Task RunAsync_SeededTarget_PassesEveryCheck()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target, world.Clients, CountryAndQuery, new PackageSize(2_000, 9_000), default);

        Assert.True(result.Passed);
        Assert.All(result.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
        Assert.Contains(result.Checks, c => c.Check == "Execution role" && c.Sentence.Contains("edgelambda.amazonaws.com", StringComparison.Ordinal));
        Assert.Contains(result.Checks, c => c.Check == "Cache key of *" && c.Sentence.Contains("holds CloudFront-Viewer-Country and the query string", StringComparison.Ordinal));
        Assert.Equal(18, result.Checks.Count);
    }

    [Fact]
    public async Task RunAsync_BehaviourOnCachingOptimizedWithCountryRules_FailsNamingBehaviourAndPolicy()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var target = world.Target with { CacheBehaviors = ["/static/*"] };

        var result = await PreflightCheck.RunAsync(target, world.Clients, new CacheKeyNeeds(["redirect ca"], []), null, default);

        var failure = Assert.Single(result.Failures);
        Assert.False(result.Passed);
        Assert.Equal("Cache key of /static/*", failure.Check);
        Assert.Contains("Cache behaviour '/static/*' uses cache policy Managed-CachingOptimized (658327ea-f89d-4fab-a63d-7e88639e58f6)", failure.Sentence);
        Assert.Contains("does not hold CloudFront-Viewer-Country", failure.Sentence);
        Assert.Contains("(redirect ca)", failure.Sentence);
    }

    [Fact]
    public async Task RunAsync_RedirectKeepingTheQueryOnAPolicyWithoutQueryStrings_FailsSayingTheQueryNeverReachesTheFunction()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Simulation.CloudFront.CreateCachePolicy(new CachePolicyRecord
        {
            Id = "country-only",
            Name = "CountryOnly",
            HeaderBehavior = "whitelist",
            Headers = ["CloudFront-Viewer-Country"],
        });
        var (config, etag) = world.Simulation.CloudFront.GetDistributionConfig(EmulatorSeed.DistributionId);
        world.Simulation.CloudFront.UpdateDistribution(EmulatorSeed.DistributionId,
            config.Replace(ManagedCachePolicies.CachingOptimizedId, "country-only", StringComparison.Ordinal), etag);

        var result = await PreflightCheck.RunAsync(world.Target with { CacheBehaviors = ["/static/*"] }, world.Clients, CountryAndQuery, null, default);

        var failure = Assert.Single(result.Failures);
        Assert.Contains("cache policy CountryOnly (country-only)", failure.Sentence);
        Assert.Contains("the query string never reaches the function", failure.Sentence);
        Assert.DoesNotContain("does not hold CloudFront-Viewer-Country", failure.Sentence);
    }

    [Fact]
    public async Task RunAsync_NoCountryOrQueryRules_PassesAnyCacheKey()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target with { CacheBehaviors = ["/static/*"] }, world.Clients, CacheKeyNeeds.None, null, default);

        Assert.True(result.Passed);
    }

    [Fact]
    public async Task RunAsync_BehaviourThatCachesNothing_SaysWhatItCouldNotCheck()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target with { CacheBehaviors = ["/video/*"] }, world.Clients, CountryAndQuery, null, default);

        Assert.True(result.Passed);
        var note = Assert.Single(result.Checks, c => c.Outcome == CheckOutcome.NotChecked);
        Assert.Contains("Managed-CachingDisabled", note.Sentence);
        Assert.Contains("origin request policy", note.Sentence);
    }

    [Fact]
    public async Task RunAsync_UnknownBehaviour_FailsListingTheOnesThere()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target with { CacheBehaviors = ["/nope/*"] }, world.Clients, CacheKeyNeeds.None, null, default);

        var failure = Assert.Single(result.Failures);
        Assert.Equal("Distribution EDFDVBD6EXAMPLE has no cache behaviour '/nope/*' (it has *, /video/*, /api/*, /static/*): add it or remove it from the target.", failure.Sentence);
    }

    [Theory]
    [InlineData("environment", "Environment variables", "has environment variables (STAGE)")]
    [InlineData("layers", "Layers", "uses layers (arn:aws:lambda:us-east-1:123456789012:layer:deps:3)")]
    [InlineData("runtime", "Runtime", "runs java21; the handler needs nodejs22.x or nodejs20.x")]
    [InlineData("arm64", "Architecture", "runs on arm64; Lambda@Edge needs x86_64")]
    [InlineData("timeout", "Timeout", "times out after 60 s; Lambda@Edge allows at most 30 s for origin triggers")]
    [InlineData("image", "Package type", "is a container image")]
    [InlineData("role", "Execution role", "does not let edgelambda.amazonaws.com assume it")]
    public async Task RunAsync_FunctionBreakingAnEdgeRule_FailsThatCheckNamingTheFunction(string misfit, string check, string sentence)
    {
        await using var world = await EmulatorWorld.StartAsync();
        AssociationRefusalTests.Break(world.Simulation, misfit);

        var result = await PreflightCheck.RunAsync(world.Target, world.Clients, CacheKeyNeeds.None, null, default);

        var failure = Assert.Single(result.Failures);
        Assert.Equal(check, failure.Check);
        Assert.Contains(sentence, failure.Sentence);
        Assert.Contains(misfit == "role" ? "Role edge-rules-execution" : "Lambda function edge-rules", failure.Sentence);
    }

    [Fact]
    public async Task RunAsync_NoIamClient_SaysTheRoleCouldNotBeChecked()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target, world.Clients with { Iam = null }, CacheKeyNeeds.None, null, default);

        Assert.True(result.Passed);
        var note = Assert.Single(result.Checks, c => c.Outcome == CheckOutcome.NotChecked);
        Assert.StartsWith("Could not check role arn:aws:iam::123456789012:role/edge-rules-execution", note.Sentence);
    }

    [Fact]
    public async Task RunAsync_NothingListening_ThrowsNamingTheOperationInsteadOfJudgingTheTarget()
    {
        var nowhere = AwsClientOptions.ForEmulator(new Uri("http://127.0.0.1:9/"));
        using var lambda = new LambdaHttpClient(nowhere, AwsTestClients.ExampleCredentials, new RetryPolicy(AwsTestClients.FastRetry));
        using var cloudFront = new CloudFrontHttpClient(nowhere, AwsTestClients.ExampleCredentials, new RetryPolicy(AwsTestClients.FastRetry));
        var target = new Target { Name = "nowhere", FunctionName = "edge-rules", DistributionId = "E1" };

        var error = await Assert.ThrowsAsync<PublishFailedException>(() =>
            PreflightCheck.RunAsync(target, new ShippingClients(lambda, cloudFront), CacheKeyNeeds.None, null, default));

        Assert.StartsWith("GetFunctionConfiguration failed: ", error.Message);
    }

    [Fact]
    public async Task RunAsync_UnknownFunction_FailsNamingIt()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target with { FunctionName = "missing" }, world.Clients, CacheKeyNeeds.None, null, default);

        var failure = Assert.Single(result.Failures);
        Assert.StartsWith("Lambda function missing could not be read: Lambda answered ResourceNotFoundException: the function does not exist in this account and region", failure.Sentence);
    }

    [Theory]
    [InlineData(60L * 1024 * 1024, 100L * 1024 * 1024, "is 60 MB zipped, over the Lambda@Edge limit of 52,428,800 bytes (50 MB) for origin triggers")]
    [InlineData(40L * 1024 * 1024, 300L * 1024 * 1024, "is 300 MB unzipped, over Lambda's limit of 250 MB")]
    public async Task RunAsync_PackageTooLarge_FailsWithItsSize(long zipped, long unzipped, string sentence)
    {
        await using var world = await EmulatorWorld.StartAsync();

        var result = await PreflightCheck.RunAsync(world.Target, world.Clients, CacheKeyNeeds.None, new PackageSize(zipped, unzipped), default);

        Assert.Contains(sentence, Assert.Single(result.Failures).Sentence);
    }

    [Fact]
    public async Task RunAsync_LocalTargetOnAFreshMachine_PassesEveryCheck()
    {
        var local = Edge.Local.LocalTarget.Open(new Edge.Local.LocalTargetOptions { Directory = Path.Combine(Path.GetTempPath(), "preflight-" + Guid.NewGuid().ToString("N")) }, TimeProvider.System);
        try
        {
            var target = Edge.Local.LocalTarget.Describe(new Edge.Local.LocalTargetOptions { Directory = "unused" });

            var result = await PreflightCheck.RunAsync(target, new ShippingClients(local, local) { Iam = local }, CountryAndQuery, new PackageSize(1_000, 5_000), default);

            Assert.All(result.Checks, c => Assert.Equal(CheckOutcome.Passed, c.Outcome));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(local.SnapshotPath)!, recursive: true);
        }
    }
}

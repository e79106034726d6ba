using System.Xml.Linq;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class CloudFrontHttpClientTests
{
    private const string Distribution = EmulatorSeed.DistributionId;

    [Fact]
    public async Task GetDistributionConfig_SeededDistribution_ReturnsWholeConfigAndETag()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);

        var snapshot = await cloudFront.GetDistributionConfigAsync(Distribution, CancellationToken.None);

        var (expectedXml, expectedETag) = emulator.Simulation.CloudFront.GetDistributionConfig(Distribution);
        Assert.Equal(expectedETag, snapshot.ETag);
        Assert.True(XNode.DeepEquals(XElement.Parse(expectedXml), XElement.Parse(snapshot.DistributionConfigXml)));
    }

    [Fact]
    public async Task UpdateDistribution_CurrentETag_GoesInProgressThenDeployed()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        var snapshot = await cloudFront.GetDistributionConfigAsync(Distribution, CancellationToken.None);
        var changed = DistributionConfigEditor.Apply(snapshot.DistributionConfigXml, new DistributionConfigChange
        {
            CacheBehaviors = ["*"],
            Functions = new Dictionary<string, string?> { ["origin-request"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:5", ["origin-response"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:5" },
        });

        var newETag = await cloudFront.UpdateDistributionAsync(Distribution, changed, snapshot.ETag, CancellationToken.None);
        var during = await cloudFront.GetDistributionAsync(Distribution, CancellationToken.None);
        emulator.Clock.Advance(emulator.Simulation.Options.PropagationDelay);
        var after = await cloudFront.GetDistributionAsync(Distribution, CancellationToken.None);

        Assert.NotEqual(snapshot.ETag, newETag);
        Assert.Equal(("InProgress", newETag), (during.Status, during.ETag));
        Assert.True(after.IsDeployed);
        var stored = emulator.Simulation.CloudFront.GetDistributionConfig(Distribution).ConfigXml;
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:5", DistributionConfigEditor.AssociatedFunction(stored, "*", "origin-request"));
    }

    [Fact]
    public async Task UpdateDistribution_StaleETag_FailsWithPreconditionFailedSentence()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        var snapshot = await cloudFront.GetDistributionConfigAsync(Distribution, CancellationToken.None);
        emulator.Faults.Add("UpdateDistribution", FaultKind.ConcurrentWriter);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cloudFront.UpdateDistributionAsync(Distribution, snapshot.DistributionConfigXml, snapshot.ETag, CancellationToken.None));

        Assert.Equal(("PreconditionFailed", 412, false), (error.Code, error.StatusCode, error.Retryable));
        Assert.StartsWith("CloudFront answered PreconditionFailed: the distribution changed since it was read", error.Message);
    }

    [Fact]
    public async Task UpdateDistribution_LatestInsteadOfVersion_FailsWithInvalidLambdaFunctionAssociation()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        var snapshot = await cloudFront.GetDistributionConfigAsync(Distribution, CancellationToken.None);
        var changed = DistributionConfigEditor.Apply(snapshot.DistributionConfigXml, new DistributionConfigChange
        {
            CacheBehaviors = ["/api/*"],
            Functions = new Dictionary<string, string?> { ["origin-request"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:$LATEST" },
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            cloudFront.UpdateDistributionAsync(Distribution, changed, snapshot.ETag, CancellationToken.None));

        Assert.Equal("InvalidLambdaFunctionAssociation", error.Code);
        Assert.Contains("must reference a specific function version", error.Message);
    }

    [Fact]
    public async Task CreateInvalidation_SameCallerReference_ReturnsTheSameInvalidation()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);

        var first = await cloudFront.CreateInvalidationAsync(Distribution, ["/video/*", "/index.html"], "rev-12", CancellationToken.None);
        var again = await cloudFront.CreateInvalidationAsync(Distribution, ["/video/*", "/index.html"], "rev-12", CancellationToken.None);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(["/video/*", "/index.html"], first.Paths);
        Assert.Equal(("InProgress", "rev-12"), (first.Status, first.CallerReference));
    }

    [Fact]
    public async Task CreateInvalidation_SameCallerReferenceOtherPaths_FailsWithInvalidationBatchAlreadyExists()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        await cloudFront.CreateInvalidationAsync(Distribution, ["/a"], "rev-12", CancellationToken.None);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cloudFront.CreateInvalidationAsync(Distribution, ["/b"], "rev-12", CancellationToken.None));

        Assert.Equal(("InvalidationBatchAlreadyExists", 409), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task GetInvalidation_AfterTheDelay_IsCompleted()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        var created = await cloudFront.CreateInvalidationAsync(Distribution, ["/*"], "rev-1", CancellationToken.None);

        emulator.Clock.Advance(emulator.Simulation.Options.InvalidationDelay);
        var read = await cloudFront.GetInvalidationAsync(Distribution, created.Id, CancellationToken.None);

        Assert.True(read.IsCompleted);
        Assert.Equal(["/*"], read.Paths);
    }

    [Fact]
    public async Task GetDistribution_UnknownId_FailsWithNoSuchDistribution()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => cloudFront.GetDistributionAsync("E000000000000", CancellationToken.None));

        Assert.Equal("CloudFront answered NoSuchDistribution: no distribution has that id in this account (The specified distribution does not exist.)", error.Message);
    }
}

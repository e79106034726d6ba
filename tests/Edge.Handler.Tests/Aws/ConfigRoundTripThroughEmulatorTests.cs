using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class ConfigRoundTripThroughEmulatorTests
{
    [Fact]
    public async Task ReadEditWriteRead_RealisticConfig_KeepsEveryOtherElement()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));
        emulator.Simulation.CloudFront.CreateDistribution("EFIXTURE000001", original);
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        var change = new DistributionConfigChange
        {
            CacheBehaviors = ["*", "/api/*"],
            Functions = new Dictionary<string, string?> { ["origin-request"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:4", ["origin-response"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:4" },
            GeoRestriction = new GeoRestrictionSetting("whitelist", ["FR", "BE"]),
        };

        var read = await cloudFront.GetDistributionConfigAsync("EFIXTURE000001", CancellationToken.None);
        await cloudFront.UpdateDistributionAsync("EFIXTURE000001", DistributionConfigEditor.Apply(read.DistributionConfigXml, change), read.ETag, CancellationToken.None);
        var reread = await cloudFront.GetDistributionConfigAsync("EFIXTURE000001", CancellationToken.None);

        Assert.True(ConfigRoundTrip.SameApartFromManagedParts(original, reread.DistributionConfigXml, change.CacheBehaviors),
            ConfigRoundTrip.Describe(original, reread.DistributionConfigXml, change.CacheBehaviors));
        Assert.Equal(ConfigRoundTrip.ElementCount(original, change.CacheBehaviors), ConfigRoundTrip.ElementCount(reread.DistributionConfigXml, change.CacheBehaviors));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:4", DistributionConfigEditor.AssociatedFunction(reread.DistributionConfigXml, "/api/*", "origin-response"));
    }
}

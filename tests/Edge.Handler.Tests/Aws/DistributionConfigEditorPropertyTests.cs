using CsCheck;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class DistributionConfigEditorPropertyTests
{
    private static readonly string[] Countries = ["US", "CA", "GB", "DE", "FR", "RU", "BY", "JP"];

    [Fact]
    public void Apply_AnyChangeToTheRealisticConfig_LeavesEveryOtherElementAndAppliesTheChange()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));
        var patterns = DistributionConfigEditor.CacheBehaviorPatterns(original);
        var arn = Gen.Frequency(
            (3, Gen.Int[1, 60].Select(v => (string?)$"arn:aws:lambda:us-east-1:123456789012:function:edge-rules:{v}")),
            (1, Gen.Const((string?)null)));
        var geo = Gen.Frequency(
            (1, Gen.Const((GeoRestrictionSetting?)null)),
            (1, Gen.Const((GeoRestrictionSetting?)GeoRestrictionSetting.None)),
            (3, Gen.Select(Gen.Bool.Select(b => b ? "whitelist" : "blacklist"), Gen.Int[1, Countries.Length - 1],
                (type, count) => (GeoRestrictionSetting?)new GeoRestrictionSetting(type, Countries[..count]))));
        var changes = Gen.Select(Gen.Int[1, (1 << patterns.Count) - 1], arn, arn, geo, (mask, request, response, restriction) => new DistributionConfigChange
        {
            CacheBehaviors = [.. patterns.Where((_, i) => (mask & (1 << i)) != 0)],
            Functions = new Dictionary<string, string?> { ["origin-request"] = request, ["origin-response"] = response },
            GeoRestriction = restriction,
        });

        changes.Sample(change =>
        {
            var edited = DistributionConfigEditor.Apply(original, change);

            Assert.True(ConfigRoundTrip.SameApartFromManagedParts(original, edited, change.CacheBehaviors), ConfigRoundTrip.Describe(original, edited, change.CacheBehaviors));
            foreach (var behaviour in change.CacheBehaviors)
            {
                Assert.Equal(change.Functions["origin-request"], DistributionConfigEditor.AssociatedFunction(edited, behaviour, "origin-request"));
                Assert.Equal(change.Functions["origin-response"], DistributionConfigEditor.AssociatedFunction(edited, behaviour, "origin-response"));
            }

            Assert.Equal(edited, DistributionConfigEditor.Apply(edited, change));
        }, iter: 100);
    }
}

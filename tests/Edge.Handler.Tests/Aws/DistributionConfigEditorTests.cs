using System.Xml.Linq;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class DistributionConfigEditorTests
{
    private const string NewArn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:9";
    private static readonly XNamespace Ns = DistributionConfigEditor.Ns;

    private static readonly DistributionConfigChange Change = new()
    {
        CacheBehaviors = ["*", "/video/*"],
        Functions = new Dictionary<string, string?> { ["origin-request"] = NewArn, ["origin-response"] = NewArn },
        GeoRestriction = new GeoRestrictionSetting("blacklist", ["RU", "BY"]),
    };

    [Fact]
    public void Apply_RealisticConfig_ChangesOnlyAssociationsOfChosenBehavioursAndGeo()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var edited = DistributionConfigEditor.Apply(original, Change);

        Assert.True(ConfigRoundTrip.SameApartFromManagedParts(original, edited, Change.CacheBehaviors), ConfigRoundTrip.Describe(original, edited, Change.CacheBehaviors));
        Assert.Equal(NewArn, DistributionConfigEditor.AssociatedFunction(edited, "*", "origin-request"));
        Assert.Equal(NewArn, DistributionConfigEditor.AssociatedFunction(edited, "/video/*", "origin-request"));
        Assert.Equal(NewArn, DistributionConfigEditor.AssociatedFunction(edited, "/video/*", "origin-response"));
        Assert.Null(DistributionConfigEditor.AssociatedFunction(edited, "/api/*", "origin-request"));
    }

    [Fact]
    public void Apply_AssociationsElement_WritesQuantityItemsAndIncludeBodyFalse()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var edited = XElement.Parse(DistributionConfigEditor.Apply(original, Change));

        var associations = edited.Element(Ns + "DefaultCacheBehavior")!.Element(Ns + "LambdaFunctionAssociations")!;
        Assert.Equal("2", associations.Element(Ns + "Quantity")!.Value);
        Assert.All(associations.Element(Ns + "Items")!.Elements(), a =>
        {
            Assert.Equal(["LambdaFunctionARN", "EventType", "IncludeBody"], a.Elements().Select(e => e.Name.LocalName));
            Assert.Equal("false", a.Element(Ns + "IncludeBody")!.Value);
        });
    }

    [Fact]
    public void Apply_Geo_WritesRestrictionTypeQuantityAndLocations()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var geo = XElement.Parse(DistributionConfigEditor.Apply(original, Change)).Element(Ns + "Restrictions")!.Element(Ns + "GeoRestriction")!;

        Assert.Equal(["RestrictionType", "Quantity", "Items"], geo.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(("blacklist", "2"), (geo.Element(Ns + "RestrictionType")!.Value, geo.Element(Ns + "Quantity")!.Value));
        Assert.Equal(["RU", "BY"], geo.Element(Ns + "Items")!.Elements(Ns + "Location").Select(l => l.Value));
    }

    [Fact]
    public void Apply_GeoNone_LeavesOutItems()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var edited = DistributionConfigEditor.Apply(original, Change with { GeoRestriction = GeoRestrictionSetting.None });

        var geo = XElement.Parse(edited).Element(Ns + "Restrictions")!.Element(Ns + "GeoRestriction")!;
        Assert.Equal(["RestrictionType", "Quantity"], geo.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Apply_OtherEventTypes_AreKept()
    {
        var config = Config("""
            <LambdaFunctionAssociations><Quantity>2</Quantity><Items>
              <LambdaFunctionAssociation><LambdaFunctionARN>arn:aws:lambda:us-east-1:123456789012:function:auth:3</LambdaFunctionARN><EventType>viewer-request</EventType><IncludeBody>true</IncludeBody></LambdaFunctionAssociation>
              <LambdaFunctionAssociation><LambdaFunctionARN>arn:aws:lambda:us-east-1:123456789012:function:headers:1</LambdaFunctionARN><EventType>origin-response</EventType><IncludeBody>false</IncludeBody></LambdaFunctionAssociation>
            </Items></LambdaFunctionAssociations>
            """);

        var edited = DistributionConfigEditor.Apply(config, new DistributionConfigChange { CacheBehaviors = ["*"], Functions = new Dictionary<string, string?> { ["origin-request"] = NewArn } });

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:auth:3", DistributionConfigEditor.AssociatedFunction(edited, "*", "viewer-request"));
        Assert.Equal(NewArn, DistributionConfigEditor.AssociatedFunction(edited, "*", "origin-request"));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:headers:1", DistributionConfigEditor.AssociatedFunction(edited, "*", "origin-response"));
        Assert.Equal("true", XElement.Parse(edited).Descendants(Ns + "IncludeBody").First().Value);
    }

    [Fact]
    public void Apply_TargetManagingOnlyOriginRequestOnVideo_KeepsTheFixturesOriginResponseFunctionExactly()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));
        var theirs = DistributionConfigEditor.AssociatedFunction(original, "/video/*", "origin-response");
        var change = DistributionConfigChange.Associate(["/video/*"], ["origin-request"], NewArn);

        var edited = DistributionConfigEditor.Apply(original, change);

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6", theirs);
        Assert.Equal(theirs, DistributionConfigEditor.AssociatedFunction(edited, "/video/*", "origin-response"));
        Assert.Equal(NewArn, DistributionConfigEditor.AssociatedFunction(edited, "/video/*", "origin-request"));
        var video = XElement.Parse(edited).Descendants(Ns + "CacheBehavior").First().Element(Ns + "LambdaFunctionAssociations")!;
        var kept = video.Descendants(Ns + "LambdaFunctionAssociation").Single(a => a.Element(Ns + "EventType")!.Value == "origin-response");
        var read = XElement.Parse(original).Descendants(Ns + "CacheBehavior").First().Descendants(Ns + "LambdaFunctionAssociation").Single();
        Assert.True(XNode.DeepEquals(read, kept), kept.ToString());
        Assert.Equal("2", video.Element(Ns + "Quantity")!.Value);
        Assert.True(ConfigRoundTrip.SameApartFromManagedParts(original, edited, change.CacheBehaviors), ConfigRoundTrip.Describe(original, edited, change.CacheBehaviors));
    }

    [Fact]
    public void Apply_ManagedEventTypeWithoutFunction_RemovesOnlyThatAssociation()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var edited = DistributionConfigEditor.Apply(original, new DistributionConfigChange
        {
            CacheBehaviors = ["*"],
            Functions = new Dictionary<string, string?> { ["origin-response"] = null },
        });

        Assert.Null(DistributionConfigEditor.AssociatedFunction(edited, "*", "origin-response"));
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6", DistributionConfigEditor.AssociatedFunction(edited, "*", "origin-request"));
    }

    [Fact]
    public void Apply_NothingManaged_LeavesEveryAssociationAsItWas()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var edited = DistributionConfigEditor.Apply(original, new DistributionConfigChange { CacheBehaviors = ["*", "/video/*"], Functions = new Dictionary<string, string?>() });

        Assert.True(XNode.DeepEquals(XElement.Parse(original), XElement.Parse(edited)));
    }

    [Fact]
    public void Apply_UnknownEventType_FailsNamingTheField()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var error = Assert.Throws<ArgumentException>(() => DistributionConfigEditor.Apply(original,
            DistributionConfigChange.Associate(["*"], ["origin-requests"], NewArn)));

        Assert.StartsWith("Functions: 'origin-requests' is not a Lambda@Edge event type", error.Message);
    }

    [Fact]
    public void Apply_RemovingTheLastAssociation_LeavesQuantityZeroWithoutItems()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var edited = DistributionConfigEditor.Apply(original, new DistributionConfigChange
        {
            CacheBehaviors = ["/video/*"],
            Functions = new Dictionary<string, string?> { ["origin-response"] = null },
        });

        var associations = XElement.Parse(edited).Descendants(Ns + "CacheBehavior").First().Element(Ns + "LambdaFunctionAssociations")!;
        Assert.Equal(["Quantity"], associations.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("0", associations.Element(Ns + "Quantity")!.Value);
    }

    [Fact]
    public void Apply_BehaviourWithoutAssociations_AddsThemAfterCompress()
    {
        var edited = DistributionConfigEditor.Apply(Config(""), new DistributionConfigChange { CacheBehaviors = ["*"], Functions = new Dictionary<string, string?> { ["origin-request"] = NewArn } });

        var names = XElement.Parse(edited).Element(Ns + "DefaultCacheBehavior")!.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(names.IndexOf("Compress") + 1, names.IndexOf("LambdaFunctionAssociations"));
    }

    [Fact]
    public void Apply_UnknownPathPattern_FailsNamingTheBehavioursThatExist()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        var error = Assert.Throws<ArgumentException>(() => DistributionConfigEditor.Apply(original, Change with { CacheBehaviors = ["/videos/*"] }));

        Assert.Equal("CacheBehaviors: the distribution has no cache behaviour with the path pattern '/videos/*' (it has: *, /video/*, /api/*, /static/*).", error.Message);
    }

    [Fact]
    public void CacheBehaviorPatterns_RealisticConfig_ListsDefaultThenPathPatterns()
    {
        var original = File.ReadAllText(AwsTestClients.TestData("distribution-config.xml"));

        Assert.Equal(["*", "/video/*", "/api/*", "/static/*"], DistributionConfigEditor.CacheBehaviorPatterns(original));
    }

    private static string Config(string associations) => $"""
        <DistributionConfig xmlns="{Ns}"><CallerReference>c</CallerReference>
        <DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><ViewerProtocolPolicy>allow-all</ViewerProtocolPolicy><Compress>true</Compress>{associations}<FieldLevelEncryptionId/></DefaultCacheBehavior>
        <Comment/><Enabled>true</Enabled></DistributionConfig>
        """;
}

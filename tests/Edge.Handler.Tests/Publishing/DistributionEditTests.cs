using System.Xml.Linq;
using EdgePortal.Edge.Publishing;

namespace EdgePortal.Edge.Tests.Publishing;

public class DistributionEditTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:7";

    private static readonly XNamespace _ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    private const string Config = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
          <CallerReference>ref-1</CallerReference>
          <Comment>kept as it is</Comment>
          <DefaultCacheBehavior>
            <TargetOriginId>origin</TargetOriginId>
            <ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>
            <LambdaFunctionAssociations>
              <Quantity>1</Quantity>
              <Items>
                <LambdaFunctionAssociation>
                  <LambdaFunctionARN>arn:aws:lambda:us-east-1:123456789012:function:other:3</LambdaFunctionARN>
                  <EventType>viewer-request</EventType>
                  <IncludeBody>false</IncludeBody>
                </LambdaFunctionAssociation>
              </Items>
            </LambdaFunctionAssociations>
            <CachePolicyId>abc</CachePolicyId>
          </DefaultCacheBehavior>
          <CacheBehaviors>
            <Quantity>1</Quantity>
            <Items>
              <CacheBehavior>
                <PathPattern>/api/*</PathPattern>
                <TargetOriginId>origin</TargetOriginId>
                <ViewerProtocolPolicy>https-only</ViewerProtocolPolicy>
                <CachePolicyId>def</CachePolicyId>
              </CacheBehavior>
            </Items>
          </CacheBehaviors>
          <Restrictions>
            <GeoRestriction><RestrictionType>none</RestrictionType><Quantity>0</Quantity></GeoRestriction>
          </Restrictions>
        </DistributionConfig>
        """;

    private static readonly Target _target = new() { Name = "prod", FunctionName = "edge-rules", DistributionId = "E1", CacheBehaviors = ["*", "/api/*"] };

    [Fact]
    public void Apply_NewVersion_AssociatesEveryEventTypeOnEveryBehaviourAndKeepsOtherAssociations()
    {
        var edited = XDocument.Parse(DistributionEdit.Apply(Config, _target, Arn, null)!);

        var defaultAssociations = Associations(edited.Root!.Element(_ns + "DefaultCacheBehavior")!);
        Assert.Equal(
            ["viewer-request=arn:aws:lambda:us-east-1:123456789012:function:other:3", $"origin-request={Arn}", $"origin-response={Arn}"],
            defaultAssociations);
        var api = edited.Descendants(_ns + "CacheBehavior").Single();
        Assert.Equal([$"origin-request={Arn}", $"origin-response={Arn}"], Associations(api));
        Assert.Equal("LambdaFunctionAssociations", ((XElement)api.Element(_ns + "CachePolicyId")!.PreviousNode!).Name.LocalName);
        Assert.Equal("kept as it is", edited.Root.Element(_ns + "Comment")!.Value);
    }

    [Fact]
    public void Apply_AlreadyPointingAtVersion_ReturnsNull()
    {
        var once = DistributionEdit.Apply(Config, _target, Arn, GeoRestriction.Whitelist("DE", "FR"))!;

        Assert.Null(DistributionEdit.Apply(once, _target, Arn, GeoRestriction.Whitelist("FR", "DE")));
    }

    [Fact]
    public void Apply_GeoRestriction_SetsTypeQuantityAndLocations()
    {
        var edited = XDocument.Parse(DistributionEdit.Apply(Config, _target, Arn, GeoRestriction.Blacklist("RU", "KP"))!);

        var geo = edited.Descendants(_ns + "GeoRestriction").Single();
        Assert.Equal("blacklist", geo.Element(_ns + "RestrictionType")!.Value);
        Assert.Equal("2", geo.Element(_ns + "Quantity")!.Value);
        Assert.Equal(["RU", "KP"], geo.Descendants(_ns + "Location").Select(l => l.Value));
    }

    [Fact]
    public void Apply_UnknownBehaviour_ThrowsNamingThePathPattern()
    {
        var target = _target with { CacheBehaviors = ["/img/*"] };

        var error = Assert.Throws<InvalidOperationException>(() => DistributionEdit.Apply(Config, target, Arn, null));

        Assert.Contains("'/img/*'", error.Message);
    }

    private static List<string> Associations(XElement behavior) =>
        [.. behavior.Descendants(_ns + "LambdaFunctionAssociation")
            .Select(a => $"{a.Element(_ns + "EventType")!.Value}={a.Element(_ns + "LambdaFunctionARN")!.Value}")];
}

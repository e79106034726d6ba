using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace EdgePortal.Edge.Shipping.Http;

/// <summary>CloudFront's REST-XML documents (namespace of API version 2020-05-31).</summary>
internal static class CloudFrontXml
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /// <summary>The request body of UpdateDistribution: the config exactly as given, behind the XML declaration.</summary>
    public static byte[] ConfigBody(string distributionConfigXml)
    {
        var root = XElement.Parse(distributionConfigXml, LoadOptions.PreserveWhitespace);
        if (root.Name != Ns + "DistributionConfig")
        {
            throw new ArgumentException($"distributionConfigXml must be a DistributionConfig element in the namespace {Ns}; found {root.Name}.", nameof(distributionConfigXml));
        }

        return Encoding.UTF8.GetBytes(Declaration + root.ToString(SaveOptions.DisableFormatting));
    }

    public static byte[] InvalidationBatch(IReadOnlyList<string> paths, string callerReference)
    {
        var batch = new XElement(Ns + "InvalidationBatch",
            new XElement(Ns + "Paths",
                new XElement(Ns + "Quantity", paths.Count.ToString(CultureInfo.InvariantCulture)),
                new XElement(Ns + "Items", paths.Select(p => new XElement(Ns + "Path", p)))),
            new XElement(Ns + "CallerReference", callerReference));
        return Encoding.UTF8.GetBytes(Declaration + batch.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>The DistributionConfig element of a GetDistributionConfig answer, as a string without the declaration.</summary>
    public static string ConfigOf(string body)
    {
        var root = XDocument.Parse(body, LoadOptions.PreserveWhitespace).Root ?? throw new InvalidDataException("CloudFront answered an empty document.");
        return root.ToString(SaveOptions.DisableFormatting);
    }

    public static DistributionStatus Distribution(string body, string etag)
    {
        var root = Root(body, "Distribution");
        return new DistributionStatus(Text(root, "Id"), Text(root, "Status"), etag);
    }

    public static InvalidationStatus Invalidation(string body)
    {
        var root = Root(body, "Invalidation");
        var batch = root.Element(Ns + "InvalidationBatch") ?? throw new InvalidDataException("CloudFront's Invalidation has no InvalidationBatch.");
        var paths = batch.Element(Ns + "Paths")?.Element(Ns + "Items")?.Elements(Ns + "Path").Select(p => p.Value).ToList() ?? [];
        return new InvalidationStatus(Text(root, "Id"), Text(root, "Status"), Text(batch, "CallerReference"), paths);
    }

    public static CachePolicy CachePolicy(string body)
    {
        var root = Root(body, "CachePolicy");
        var config = root.Element(Ns + "CachePolicyConfig") ?? throw new InvalidDataException("CloudFront's CachePolicy has no CachePolicyConfig.");
        var parameters = config.Element(Ns + "ParametersInCacheKeyAndForwardedToOrigin");
        var headers = parameters?.Element(Ns + "HeadersConfig");
        var queries = parameters?.Element(Ns + "QueryStringsConfig");
        return new CachePolicy(
            Text(root, "Id"),
            Text(config, "Name"),
            long.Parse(Text(config, "MaxTTL"), CultureInfo.InvariantCulture),
            headers?.Element(Ns + "HeaderBehavior")?.Value ?? "none",
            [.. Names(headers?.Element(Ns + "Headers"))],
            queries?.Element(Ns + "QueryStringBehavior")?.Value ?? "none",
            [.. Names(queries?.Element(Ns + "QueryStrings"))]);
    }

    private static IEnumerable<string> Names(XElement? list) =>
        list?.Element(Ns + "Items")?.Elements(Ns + "Name").Select(n => n.Value) ?? [];

    private static XElement Root(string body, string name)
    {
        var root = XDocument.Parse(body).Root;
        return root is not null && root.Name == Ns + name ? root : throw new InvalidDataException($"CloudFront answered something other than a {name} document.");
    }

    private static string Text(XElement parent, string name) =>
        parent.Element(Ns + name)?.Value ?? throw new InvalidDataException($"CloudFront's {parent.Name.LocalName} has no {name}.");
}

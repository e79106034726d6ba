using System.Xml.Linq;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>Compares two DistributionConfigs with the parts publishing manages taken out of both.</summary>
internal static class ConfigRoundTrip
{
    private static readonly XNamespace Ns = DistributionConfigEditor.Ns;

    public static bool SameApartFromManagedParts(string before, string after, IReadOnlyList<string> behaviours) =>
        XNode.DeepEquals(Strip(before, behaviours), Strip(after, behaviours));

    /// <summary>Every element path with its text, for a readable failure.</summary>
    public static string Describe(string before, string after, IReadOnlyList<string> behaviours)
    {
        var left = Flatten(Strip(before, behaviours)).ToList();
        var right = Flatten(Strip(after, behaviours)).ToList();
        return "Only before: " + string.Join("; ", left.Except(right).Take(10)) + " | only after: " + string.Join("; ", right.Except(left).Take(10));
    }

    public static int ElementCount(string xml, IReadOnlyList<string> behaviours) => Strip(xml, behaviours).DescendantsAndSelf().Count();

    private static XElement Strip(string xml, IReadOnlyList<string> behaviours)
    {
        var root = XElement.Parse(xml, LoadOptions.None);
        root.Element(Ns + "Restrictions")?.Element(Ns + "GeoRestriction")?.Remove();
        var chosen = root.Elements(Ns + "DefaultCacheBehavior").Where(_ => behaviours.Contains("*"))
            .Concat(root.Descendants(Ns + "CacheBehavior").Where(b => behaviours.Contains(b.Element(Ns + "PathPattern")?.Value ?? "")));
        foreach (var behaviour in chosen.ToList())
        {
            behaviour.Element(Ns + "LambdaFunctionAssociations")?.Remove();
        }

        return root;
    }

    private static IEnumerable<string> Flatten(XElement element, string prefix = "")
    {
        var path = $"{prefix}/{element.Name.LocalName}";
        if (!element.HasElements)
        {
            yield return $"{path}={element.Value}";
        }

        foreach (var child in element.Elements().SelectMany(c => Flatten(c, path)))
        {
            yield return child;
        }
    }
}

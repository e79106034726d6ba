using System.Globalization;
using System.Xml.Linq;

namespace EdgePortal.Edge.Shipping;

/// <summary>
/// Changes a DistributionConfig on its XML. UpdateDistribution replaces the whole configuration, so every element
/// publishing does not manage (origins, policies, certificates, settings CloudFront adds later) must go back as read:
/// working on the document, rather than on a typed model, keeps what a model would not know about.
/// </summary>
public static class DistributionConfigEditor
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    /// <summary>Lambda@Edge's event types; at most one function each per cache behaviour.</summary>
    private static readonly string[] EventTypes = ["viewer-request", "origin-request", "origin-response", "viewer-response"];

    /// <summary>Elements that precede LambdaFunctionAssociations in a cache behaviour, last first (CloudFront's order).</summary>
    private static readonly string[] BeforeAssociations =
        ["Compress", "SmoothStreaming", "AllowedMethods", "ViewerProtocolPolicy", "TrustedKeyGroups", "TrustedSigners", "TargetOriginId", "PathPattern"];

    /// <summary>Elements that precede Restrictions in a DistributionConfig, last first.</summary>
    private static readonly string[] BeforeRestrictions = ["ViewerCertificate", "PriceClass", "Logging", "CustomErrorResponses", "CacheBehaviors"];

    /// <summary>Applies <paramref name="change"/> and returns the whole config, every other element untouched.</summary>
    public static string Apply(string distributionConfigXml, DistributionConfigChange change)
    {
        var root = XElement.Parse(distributionConfigXml);
        if (root.Name != Ns + "DistributionConfig")
        {
            throw new ArgumentException($"distributionConfigXml: expected a DistributionConfig element in {Ns}, found {root.Name}.", nameof(distributionConfigXml));
        }

        if (change.CacheBehaviors.Count == 0)
        {
            throw new ArgumentException("CacheBehaviors: name at least one cache behaviour ('*' for the default).", nameof(change));
        }

        foreach (var eventType in change.Functions.Keys.Where(e => !EventTypes.Contains(e)))
        {
            throw new ArgumentException($"Functions: '{eventType}' is not a Lambda@Edge event type ({string.Join(", ", EventTypes)}).", nameof(change));
        }

        var wanted = change.Functions;
        foreach (var pattern in change.CacheBehaviors.Distinct(StringComparer.Ordinal))
        {
            SetAssociations(FindBehaviour(root, pattern), wanted);
        }

        if (change.GeoRestriction is { } geo)
        {
            SetGeoRestriction(root, geo);
        }

        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The cache behaviours a config has: <c>*</c> for the default, then each PathPattern in order.</summary>
    public static IReadOnlyList<string> CacheBehaviorPatterns(string distributionConfigXml)
    {
        var root = XElement.Parse(distributionConfigXml);
        return ["*", .. root.Elements(Ns + "CacheBehaviors").Elements(Ns + "Items").Elements(Ns + "CacheBehavior")
            .Select(b => b.Element(Ns + "PathPattern")?.Value ?? "")];
    }

    /// <summary>The function ARN associated with <paramref name="eventType"/> on a behaviour, or null.</summary>
    public static string? AssociatedFunction(string distributionConfigXml, string cacheBehavior, string eventType) =>
        FindBehaviour(XElement.Parse(distributionConfigXml), cacheBehavior)
            .Elements(Ns + "LambdaFunctionAssociations").Elements(Ns + "Items").Elements(Ns + "LambdaFunctionAssociation")
            .FirstOrDefault(a => a.Element(Ns + "EventType")?.Value == eventType)?.Element(Ns + "LambdaFunctionARN")?.Value;

    /// <summary>The config's geo restriction, locations in the order CloudFront lists them; null when it has none.</summary>
    public static GeoRestrictionSetting? GeoRestriction(string distributionConfigXml) =>
        XElement.Parse(distributionConfigXml).Element(Ns + "Restrictions")?.Element(Ns + "GeoRestriction") is { } geo
            ? new GeoRestrictionSetting(geo.Element(Ns + "RestrictionType")?.Value ?? "none",
                [.. geo.Elements(Ns + "Items").Elements(Ns + "Location").Select(l => l.Value)])
            : null;

    private static XElement FindBehaviour(XElement root, string pattern)
    {
        if (pattern == "*")
        {
            return root.Element(Ns + "DefaultCacheBehavior")
                ?? throw new ArgumentException("CacheBehaviors: the configuration has no DefaultCacheBehavior.");
        }

        var behaviours = root.Elements(Ns + "CacheBehaviors").Elements(Ns + "Items").Elements(Ns + "CacheBehavior").ToList();
        return behaviours.FirstOrDefault(b => b.Element(Ns + "PathPattern")?.Value == pattern)
            ?? throw new ArgumentException($"CacheBehaviors: the distribution has no cache behaviour with the path pattern '{pattern}' "
                + $"(it has: *, {string.Join(", ", behaviours.Select(b => b.Element(Ns + "PathPattern")?.Value))}).");
    }

    private static void SetAssociations(XElement behaviour, IReadOnlyDictionary<string, string?> wanted)
    {
        var associations = behaviour.Element(Ns + "LambdaFunctionAssociations");
        if (associations is null)
        {
            associations = new XElement(Ns + "LambdaFunctionAssociations", new XElement(Ns + "Quantity", 0));
            InsertAfterFirstPresent(behaviour, associations, BeforeAssociations);
        }

        var items = associations.Element(Ns + "Items");
        var existing = items?.Elements(Ns + "LambdaFunctionAssociation").ToList() ?? [];
        var kept = new List<XElement>();
        foreach (var association in existing)
        {
            var eventType = association.Element(Ns + "EventType")?.Value ?? "";
            if (!wanted.TryGetValue(eventType, out var arn))
            {
                // Not ours to manage: kept exactly as read, whoever put it there.
                kept.Add(association);
            }
            else if (arn is not null)
            {
                kept.Add(Association(arn, eventType));
            }
        }

        foreach (var (eventType, arn) in wanted)
        {
            if (arn is not null && !kept.Any(a => a.Element(Ns + "EventType")?.Value == eventType))
            {
                kept.Add(Association(arn, eventType));
            }
        }

        SetList(associations, kept);
    }

    private static XElement Association(string arn, string eventType) =>
        new(Ns + "LambdaFunctionAssociation",
            new XElement(Ns + "LambdaFunctionARN", arn),
            new XElement(Ns + "EventType", eventType),
            new XElement(Ns + "IncludeBody", "false"));

    private static void SetGeoRestriction(XElement root, GeoRestrictionSetting geo)
    {
        if (geo.RestrictionType is not ("whitelist" or "blacklist" or "none"))
        {
            throw new ArgumentException($"GeoRestriction.RestrictionType: '{geo.RestrictionType}' is not whitelist, blacklist or none.");
        }

        if ((geo.RestrictionType == "none") != (geo.Locations.Count == 0))
        {
            throw new ArgumentException("GeoRestriction.Locations: a whitelist or blacklist needs countries, and 'none' takes none.");
        }

        var restrictions = root.Element(Ns + "Restrictions");
        if (restrictions is null)
        {
            restrictions = new XElement(Ns + "Restrictions");
            InsertAfterFirstPresent(root, restrictions, BeforeRestrictions);
        }

        var restriction = restrictions.Element(Ns + "GeoRestriction");
        if (restriction is null)
        {
            restriction = new XElement(Ns + "GeoRestriction");
            restrictions.Add(restriction);
        }

        restriction.RemoveNodes();
        restriction.Add(new XElement(Ns + "RestrictionType", geo.RestrictionType));
        SetList(restriction, [.. geo.Locations.Select(l => new XElement(Ns + "Location", l))]);
    }

    /// <summary>Writes Quantity and Items (Items left out when empty, as CloudFront does) where the old ones were.</summary>
    private static void SetList(XElement parent, IReadOnlyList<XElement> items)
    {
        var quantity = parent.Element(Ns + "Quantity");
        if (quantity is null)
        {
            quantity = new XElement(Ns + "Quantity");
            parent.Add(quantity);
        }

        quantity.Value = items.Count.ToString(CultureInfo.InvariantCulture);
        parent.Element(Ns + "Items")?.Remove();
        if (items.Count > 0)
        {
            quantity.AddAfterSelf(new XElement(Ns + "Items", items));
        }
    }

    private static void InsertAfterFirstPresent(XElement parent, XElement element, IEnumerable<string> predecessors)
    {
        var anchor = predecessors.Select(name => parent.Element(Ns + name)).FirstOrDefault(e => e is not null);
        if (anchor is null)
        {
            parent.AddFirst(element);
        }
        else
        {
            anchor.AddAfterSelf(element);
        }
    }
}

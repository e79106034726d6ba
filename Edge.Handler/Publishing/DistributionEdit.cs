using System.Xml.Linq;

namespace EdgePortal.Edge.Publishing;

/// <summary>
/// Edits a DistributionConfig for a publish: the target's behaviours get one association per event type
/// pointing at the version, and the geo restriction is set when asked. Everything else is left as read,
/// because UpdateDistribution replaces the whole config.
/// </summary>
public static class DistributionEdit
{
    // Elements that come after LambdaFunctionAssociations in a cache behaviour (CloudFront checks the order).
    private static readonly string[] _afterAssociations =
    [
        "FunctionAssociations", "FieldLevelEncryptionId", "RealtimeLogConfigArn", "CachePolicyId", "OriginRequestPolicyId",
        "ResponseHeadersPolicyId", "GrpcConfig", "ForwardedValues", "MinTTL", "DefaultTTL", "MaxTTL",
    ];

    /// <summary>The edited XML, or null when the config already says all of it.</summary>
    public static string? Apply(string distributionConfigXml, Target target, string versionArn, GeoRestriction? geo)
    {
        var document = XDocument.Parse(distributionConfigXml, LoadOptions.PreserveWhitespace);
        var root = document.Root ?? throw new FormatException("The distribution config is empty.");
        var ns = root.Name.Namespace;
        var changed = false;
        foreach (var pattern in target.CacheBehaviors)
        {
            changed |= Associate(FindBehavior(root, ns, pattern), ns, target.EventTypes, versionArn);
        }
        if (geo is not null)
        {
            changed |= SetGeo(root, ns, geo);
        }
        return changed ? document.Declaration + document.ToString(SaveOptions.DisableFormatting) : null;
    }

    private static XElement FindBehavior(XElement root, XNamespace ns, string pattern)
    {
        if (pattern == Target.DefaultBehavior)
        {
            return root.Element(ns + "DefaultCacheBehavior")
                ?? throw new InvalidOperationException("it has no DefaultCacheBehavior.");
        }
        return root.Element(ns + "CacheBehaviors")?.Element(ns + "Items")?.Elements(ns + "CacheBehavior")
                .FirstOrDefault(b => (string?)b.Element(ns + "PathPattern") == pattern)
            ?? throw new InvalidOperationException($"it has no cache behaviour with path pattern '{pattern}'.");
    }

    private static bool Associate(XElement behavior, XNamespace ns, IEnumerable<string> eventTypes, string arn)
    {
        var existing = behavior.Element(ns + "LambdaFunctionAssociations")?.Element(ns + "Items")?
            .Elements(ns + "LambdaFunctionAssociation").ToList() ?? [];
        var kept = existing.Where(a => !eventTypes.Contains((string?)a.Element(ns + "EventType"))).ToList();
        var wanted = eventTypes.Select(e => existing.FirstOrDefault(a => (string?)a.Element(ns + "EventType") == e) is { } old
                && (string?)old.Element(ns + "LambdaFunctionARN") == arn
                ? old
                : new XElement(ns + "LambdaFunctionAssociation",
                    new XElement(ns + "LambdaFunctionARN", arn),
                    new XElement(ns + "EventType", e),
                    new XElement(ns + "IncludeBody", "false"))).ToList();
        if (wanted.All(existing.Contains))
        {
            return false;
        }
        var items = kept.Concat(wanted).Select(a => new XElement(a)).ToList();
        if (items.Count > 4)
        {
            throw new InvalidOperationException("a cache behaviour takes at most 4 Lambda function associations.");
        }
        var associations = new XElement(ns + "LambdaFunctionAssociations",
            new XElement(ns + "Quantity", items.Count),
            new XElement(ns + "Items", items));
        var old = behavior.Element(ns + "LambdaFunctionAssociations");
        if (old is not null)
        {
            old.ReplaceWith(associations);
        }
        else if (behavior.Elements().FirstOrDefault(e => _afterAssociations.Contains(e.Name.LocalName)) is { } next)
        {
            next.AddBeforeSelf(associations);
        }
        else
        {
            behavior.Add(associations);
        }
        return true;
    }

    private static bool SetGeo(XElement root, XNamespace ns, GeoRestriction geo)
    {
        var restrictions = root.Element(ns + "Restrictions");
        var current = restrictions?.Element(ns + "GeoRestriction");
        var currentType = (string?)current?.Element(ns + "RestrictionType") ?? "none";
        var currentCountries = current?.Element(ns + "Items")?.Elements(ns + "Location").Select(l => l.Value).Order().ToList() ?? [];
        if (currentType == geo.RestrictionType && currentCountries.SequenceEqual(geo.Countries.Order()))
        {
            return false;
        }
        var replacement = new XElement(ns + "GeoRestriction",
            new XElement(ns + "RestrictionType", geo.RestrictionType),
            new XElement(ns + "Quantity", geo.Countries.Count),
            geo.Countries.IsEmpty ? null : new XElement(ns + "Items", geo.Countries.Select(c => new XElement(ns + "Location", c))));
        if (current is not null)
        {
            current.ReplaceWith(replacement);
        }
        else if (restrictions is not null)
        {
            restrictions.Add(replacement);
        }
        else
        {
            throw new InvalidOperationException("it has no Restrictions element to set the geo restriction in.");
        }
        return true;
    }
}

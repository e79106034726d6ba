using System.Globalization;
using System.Xml.Linq;

namespace EdgePortal.Edge.Simulation;

/// <summary>A cache policy as GetCachePolicy answers it: a <c>CachePolicy</c> document, members in the service model's order.</summary>
public static class CachePolicyXml
{
    private static readonly XNamespace Ns = CloudFrontSimulation.Namespace;

    public static XElement Document(CachePolicyRecord policy) =>
        new(Ns + "CachePolicy",
            new XElement(Ns + "Id", policy.Id),
            new XElement(Ns + "LastModifiedTime", policy.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XElement(Ns + "CachePolicyConfig",
                new XElement(Ns + "Comment", policy.Comment),
                new XElement(Ns + "Name", policy.Name),
                new XElement(Ns + "DefaultTTL", policy.DefaultTtl),
                new XElement(Ns + "MaxTTL", policy.MaxTtl),
                new XElement(Ns + "MinTTL", policy.MinTtl),
                new XElement(Ns + "ParametersInCacheKeyAndForwardedToOrigin",
                    new XElement(Ns + "EnableAcceptEncodingGzip", Bool(policy.EnableAcceptEncodingGzip)),
                    new XElement(Ns + "EnableAcceptEncodingBrotli", Bool(policy.EnableAcceptEncodingBrotli)),
                    Config("HeadersConfig", "HeaderBehavior", policy.HeaderBehavior, "Headers", policy.Headers),
                    Config("CookiesConfig", "CookieBehavior", policy.CookieBehavior, "Cookies", policy.Cookies),
                    Config("QueryStringsConfig", "QueryStringBehavior", policy.QueryStringBehavior, "QueryStrings", policy.QueryStrings))));

    private static XElement Config(string name, string behaviorName, string behavior, string listName, IReadOnlyList<string> names)
    {
        var config = new XElement(Ns + name, new XElement(Ns + behaviorName, behavior));
        if (names.Count > 0)
        {
            config.Add(new XElement(Ns + listName,
                new XElement(Ns + "Quantity", names.Count),
                new XElement(Ns + "Items", names.Select(n => new XElement(Ns + "Name", n)))));
        }
        return config;
    }

    private static string Bool(bool value) => value ? "true" : "false";
}

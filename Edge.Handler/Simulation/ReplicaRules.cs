using System.Xml.Linq;

namespace EdgePortal.Edge.Simulation;

/// <summary>
/// Lambda@Edge's replicas: CloudFront copies a version to its edge locations while a distribution runs it and removes the
/// copies hours after the last association goes; until then Lambda refuses to delete the version.
/// </summary>
internal static class ReplicaRules
{
    private static readonly XNamespace Ns = CloudFrontSimulation.Namespace;

    public static HashSet<string> AssociatedArns(string configXml) =>
        [.. XElement.Parse(configXml).Descendants(Ns + "LambdaFunctionARN").Select(e => e.Value)];

    /// <summary>Starts the replica timer of each version that <paramref name="beforeXml"/> ran and no distribution runs now.</summary>
    public static void Release(Dictionary<string, FunctionRecord> functions, IReadOnlyDictionary<string, DistributionRecord> distributions,
        string beforeXml, DateTimeOffset until)
    {
        var stillRun = distributions.Values.SelectMany(d => AssociatedArns(d.ConfigXml)).ToHashSet(StringComparer.Ordinal);
        foreach (var arn in AssociatedArns(beforeXml).Where(a => !stillRun.Contains(a)))
        {
            if (arn.Split(':') is [_, _, _, _, _, "function", var name, var version] && functions.TryGetValue(name, out var function))
            {
                functions[name] = function with
                {
                    Versions = [.. function.Versions.Select(v => v.Version == version ? v with { ReplicasUntil = until } : v)],
                };
            }
        }
    }

    /// <summary>True while a distribution runs <paramref name="arn"/> or its replicas have not been removed yet.</summary>
    public static bool IsReplicated(VersionRecord version, string arn, IReadOnlyDictionary<string, DistributionRecord> distributions, DateTimeOffset now) =>
        version.ReplicasUntil > now || distributions.Values.Any(d => AssociatedArns(d.ConfigXml).Contains(arn));
}

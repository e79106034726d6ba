using System.IO.Compression;
using System.Text;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Local;

/// <summary>
/// What a fresh machine's local target starts with: the function edge-rules (no version published yet, settings
/// Lambda@Edge accepts, a role that trusts edgelambda.amazonaws.com) and a distribution with a default cache behaviour
/// whose cache policy keys on the viewer's country and the query string, and no associations, so the first publish
/// works at once and Test connection passes every check.
/// </summary>
public static class LocalSeed
{
    public const string FunctionName = "edge-rules";

    public const string DistributionId = "ELOCALEXAMPLE1";

    public const string CachePolicyId = "edgeportal-local-country-query";

    public static void Apply(AwsSimulation simulation, string functionName, string distributionId)
    {
        var function = simulation.Lambda.CreateFunction(functionName, PlaceholderZip(), "EdgePortal rules handler (nothing published yet)");
        simulation.Iam.CreateRole(function.Role[(function.Role.LastIndexOf('/') + 1)..], IamSimulation.EdgeTrustPolicy);
        simulation.CloudFront.CreateCachePolicy(CachePolicy);
        simulation.CloudFront.CreateDistribution(distributionId, DistributionConfigXml);
    }

    /// <summary>
    /// Brings a local target saved before the preflight existed up to what a fresh one has: the execution role, the
    /// country-and-query cache policy, and that policy on the default behaviour where the old seed's
    /// CachingOptimized still is. True when something changed.
    /// </summary>
    public static bool Upgrade(AwsSimulation simulation, string functionName, string distributionId)
    {
        var changed = false;
        var role = simulation.Lambda.GetFunctionConfiguration(functionName, null).Role;
        var roleName = role[(role.LastIndexOf('/') + 1)..];
        if (!simulation.ToSnapshot().Roles!.Any(r => r.Name == roleName))
        {
            simulation.Iam.CreateRole(roleName, IamSimulation.EdgeTrustPolicy);
            changed = true;
        }
        if (!simulation.ToSnapshot().CachePolicies!.Any(p => p.Id == CachePolicyId))
        {
            simulation.CloudFront.CreateCachePolicy(CachePolicy);
            changed = true;
        }
        const string oldSeedPolicy = "<CachePolicyId>" + ManagedCachePolicies.CachingOptimizedId + "</CachePolicyId></DefaultCacheBehavior>";
        var (config, etag) = simulation.CloudFront.GetDistributionConfig(distributionId);
        if (config.Contains(oldSeedPolicy, StringComparison.Ordinal))
        {
            try
            {
                simulation.CloudFront.UpdateDistribution(distributionId,
                    config.Replace(oldSeedPolicy, "<CachePolicyId>" + CachePolicyId + "</CachePolicyId></DefaultCacheBehavior>", StringComparison.Ordinal), etag);
                changed = true;
            }
            catch (SimulationException)
            {
                // A config the simulation no longer accepts as it stands: leave it; Test connection will say what is wrong.
            }
        }
        return changed;
    }

    /// <summary>Caches by country and query string, as the handler's generated answers need (docs/aws-setup.md).</summary>
    public static CachePolicyRecord CachePolicy { get; } = new()
    {
        Id = CachePolicyId,
        Name = "EdgePortal-CountryAndQuery",
        Comment = "Cache key: CloudFront-Viewer-Country and every query string",
        MinTtl = 0,
        EnableAcceptEncodingGzip = true,
        EnableAcceptEncodingBrotli = true,
        HeaderBehavior = "whitelist",
        Headers = ["CloudFront-Viewer-Country"],
        QueryStringBehavior = "all",
    };

    /// <summary>A valid zip that is never run: no behaviour points at $LATEST, only at published versions.</summary>
    public static byte[] PlaceholderZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("README.txt", CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write("Placeholder: publish a revision to the local target to replace it.\n");
        }
        return buffer.ToArray();
    }

    public const string DistributionConfigXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DistributionConfig xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">
          <CallerReference>edgeportal-local-target</CallerReference>
          <Origins>
            <Quantity>1</Quantity>
            <Items>
              <Origin>
                <Id>origin</Id>
                <DomainName>origin.example.com</DomainName>
                <OriginPath/>
                <CustomHeaders><Quantity>0</Quantity></CustomHeaders>
                <CustomOriginConfig>
                  <HTTPPort>80</HTTPPort>
                  <HTTPSPort>443</HTTPSPort>
                  <OriginProtocolPolicy>https-only</OriginProtocolPolicy>
                </CustomOriginConfig>
              </Origin>
            </Items>
          </Origins>
          <DefaultCacheBehavior>
            <TargetOriginId>origin</TargetOriginId>
            <ViewerProtocolPolicy>redirect-to-https</ViewerProtocolPolicy>
            <Compress>true</Compress>
            <LambdaFunctionAssociations>
              <Quantity>0</Quantity>
            </LambdaFunctionAssociations>
            <CachePolicyId>edgeportal-local-country-query</CachePolicyId>
          </DefaultCacheBehavior>
          <Comment>EdgePortal local target</Comment>
          <Enabled>true</Enabled>
          <Restrictions>
            <GeoRestriction>
              <RestrictionType>none</RestrictionType>
              <Quantity>0</Quantity>
            </GeoRestriction>
          </Restrictions>
        </DistributionConfig>
        """;
}

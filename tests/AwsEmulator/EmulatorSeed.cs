using System.IO.Compression;
using System.Text;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>
/// The state a fresh emulator starts with: function edge-rules with versions 1 to 6 and its role edge-rules-execution
/// (trusting lambda and edgelambda), distribution EDFDVBD6EXAMPLE using version 6.
/// </summary>
public static class EmulatorSeed
{
    public const string FunctionName = "edge-rules";

    public const string DistributionId = "EDFDVBD6EXAMPLE";

    public const int PublishedVersions = 6;

    public static void Apply(AwsSimulation simulation)
    {
        var function = simulation.Lambda.CreateFunction(FunctionName, Zip("// edge-rules build 1\n"), "EdgePortal rules handler");
        simulation.Iam.CreateRole(function.Role[(function.Role.LastIndexOf('/') + 1)..], IamSimulation.EdgeTrustPolicy);
        for (var version = 1; version <= PublishedVersions; version++)
        {
            simulation.Lambda.SeedVersion(FunctionName, Zip($"// edge-rules build {version}\n"), $"build {version}");
        }

        simulation.CloudFront.CreateDistribution(DistributionId, SeedConfigXml());
    }

    public static string SeedConfigXml()
    {
        using var stream = typeof(EmulatorSeed).Assembly.GetManifestResourceStream("EdgePortal.AwsEmulator.Seed.distribution-config.xml")
            ?? throw new InvalidOperationException("The seed distribution config is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A small, deterministic zip holding index.mjs.</summary>
    public static byte[] Zip(string source)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("index.mjs", CompressionLevel.Optimal);
            entry.LastWriteTime = new DateTimeOffset(2024, 6, 11, 12, 0, 0, TimeSpan.Zero);
            using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
            writer.Write(source + "export const handler = async (event) => event.Records[0].cf.request;\n");
        }

        return buffer.ToArray();
    }
}

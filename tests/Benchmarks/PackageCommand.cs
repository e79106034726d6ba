using System.Globalization;
using EdgePortal.Edge.Build;

namespace EdgePortal.Benchmarks;

/// <summary>
/// Builds the realistic document of N rules into a zip. The determinism test runs this in a second
/// process and compares the bytes with a build of its own.
/// </summary>
public static class PackageCommand
{
    internal static int Run(string[] args)
    {
        var output = Arguments.Value(args, "--out");
        if (output is null || Arguments.Value(args, "--rules") is null)
        {
            Console.Error.WriteLine("package: --rules N and --out FILE are required");
            return 2;
        }
        var rules = (int)Arguments.Number(args, "--rules", 0);
        var seed = (int)Arguments.Number(args, "--seed", 1);
        var revision = Arguments.Value(args, "--revision") ?? "bench";
        var build = Build(rules, seed, revision);
        File.WriteAllBytes(output, build.Zip);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{build.CompressedBytes} bytes, sha256 {build.Sha256}"));
        return 0;
    }

    /// <summary>The build both processes of the determinism test make.</summary>
    public static HandlerBuild Build(int rules, int seed, string revision) =>
        HandlerBuilder.Build(RealisticDocuments.Create(rules, seed), revision, BenchmarkHashes.DocumentSha256(rules, seed));
}

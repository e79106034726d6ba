using System.Globalization;
using EdgePortal.Edge.Build;
using EdgePortal.Portal.Cli.Rules;
using EdgePortal.Rules.Document;

namespace EdgePortal.Portal.Cli.Handler;

/// <summary>The lines <c>handler build</c> and <c>handler inspect</c> both print about a package.</summary>
internal static class PackageText
{
    public static string Rules(IReadOnlyDictionary<RuleSection, int> counts) =>
        string.Join(", ", Enum.GetValues<RuleSection>().Select(s => DocumentFile.Count(counts[s], s.RuleNoun())));

    public static void WriteSizeAndHashes(TextWriter output, long compressed, long uncompressed, string sha256, string codeSha256)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"size: {compressed:N0} bytes compressed, {uncompressed:N0} bytes uncompressed"));
        output.WriteLine($"sha256: {sha256}");
        output.WriteLine($"CodeSha256: {codeSha256}");
        foreach (var limit in HandlerSizeLimit.All)
        {
            output.WriteLine($"fits {limit.Trigger} ({HandlerSizeLimit.Megabytes(limit.MaxCompressedBytes)}): {(limit.Fits(compressed) ? "yes" : "no")}");
        }
    }
}

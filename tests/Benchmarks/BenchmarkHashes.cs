using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EdgePortal.Benchmarks;

public static class BenchmarkHashes
{
    /// <summary>A stable stand-in for the document's hash: generated documents have no JSON file of their own.</summary>
    public static string DocumentSha256(int rules, int seed) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"realistic:{rules}:{seed}"))));
}

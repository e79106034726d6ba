using System.Security.Cryptography;
using System.Text;
using EdgePortal.Edge.Build;
using EdgePortal.Edge.Node;
using EdgePortal.Rules.Document;

namespace EdgePortal.Edge.Tests.Handler;

/// <summary>Builds packages for tests and runs them from their unzipped bytes, as Lambda would.</summary>
internal static class Packages
{
    public const string Revision = "rev-test-1";

    /// <summary>A stand-in document hash; tests that need a real one compute it themselves.</summary>
    public static string ShaOf(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static HandlerBuild Build(RulesDocument document, string revision = Revision, HandlerSizeLimit? limit = null) =>
        HandlerBuilder.Build(document, revision, ShaOf(revision), limit);

    public static Task<NodeHandlerHost> StartAsync(RulesDocument document, string revision = Revision) =>
        NodeHandlerHost.StartFromZipAsync(Build(document, revision).Zip);
}

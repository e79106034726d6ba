namespace EdgePortal.Edge.Shipping;

/// <summary>
/// What Lambda@Edge allows of a function, from "Restrictions on Lambda@Edge" and "Quotas on Lambda@Edge"
/// (docs/aws-setup.md cites both). The simulation refuses associations with these and the preflight checks them,
/// so both read them from here.
/// </summary>
public static class EdgeFunctionLimits
{
    /// <summary>Runtimes Lambda@Edge accepts (Node.js 18, 20, 22; Python 3.9 to 3.13).</summary>
    public static IReadOnlySet<string> EdgeRuntimes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "nodejs18.x", "nodejs20.x", "nodejs22.x", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13",
    };

    /// <summary>Runtimes this handler (ES modules, Node.js 20 features) runs on.</summary>
    public static IReadOnlyList<string> HandlerRuntimes { get; } = ["nodejs22.x", "nodejs20.x"];

    /// <summary>The handler's entry point: <c>index.mjs</c> exporting <c>handler</c>.</summary>
    public const string HandlerEntryPoint = "index.handler";

    public const string Architecture = "x86_64";

    public const int MaxEphemeralStorageMb = 512;

    public const long MaxUnzippedBytes = 250L * 1024 * 1024;

    /// <summary>Origin events: 30 s and Lambda's own memory range; viewer events: 5 s and 128 MB.</summary>
    public static int MaxTimeoutSeconds(bool viewerEvent) => viewerEvent ? 5 : 30;

    public static int MaxMemoryMb(bool viewerEvent) => viewerEvent ? 128 : 10240;

    public static bool IsViewerEvent(string eventType) => eventType.StartsWith("viewer-", StringComparison.Ordinal);
}

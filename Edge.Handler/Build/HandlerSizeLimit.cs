using System.Globalization;

namespace EdgePortal.Edge.Build;

/// <summary>Lambda@Edge's limit on the compressed code package, per kind of trigger.</summary>
public sealed record HandlerSizeLimit(string Trigger, long MaxCompressedBytes)
{
    /// <summary>Viewer-request and viewer-response: 1 MB.</summary>
    public static HandlerSizeLimit ViewerTriggers { get; } = new("viewer triggers", 1024 * 1024);

    /// <summary>Origin-request and origin-response (what this handler serves): 50 MB.</summary>
    public static HandlerSizeLimit OriginTriggers { get; } = new("origin triggers", 50L * 1024 * 1024);

    public static IReadOnlyList<HandlerSizeLimit> All { get; } = [ViewerTriggers, OriginTriggers];

    /// <summary>The limit of the triggers a target uses: any viewer event type makes the whole package a viewer one.</summary>
    public static HandlerSizeLimit For(IEnumerable<string> eventTypes) =>
        eventTypes.Any(e => e.StartsWith("viewer-", StringComparison.Ordinal)) ? ViewerTriggers : OriginTriggers;

    public bool Fits(long compressedBytes) => compressedBytes <= MaxCompressedBytes;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{MaxCompressedBytes:N0} bytes ({Megabytes(MaxCompressedBytes)}) for {Trigger}");

    /// <summary>"1 MB", "0.78 MB": a size as people read it.</summary>
    public static string Megabytes(long bytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");
}

/// <summary>The built package is larger than Lambda@Edge accepts; thrown before anything is uploaded.</summary>
public sealed class HandlerTooLargeException(long compressedBytes, HandlerSizeLimit limit) : Exception(
    string.Create(CultureInfo.InvariantCulture,
        $"The handler package is {compressedBytes:N0} bytes compressed ({HandlerSizeLimit.Megabytes(compressedBytes)}), over the Lambda@Edge limit of {limit}."))
{
    public long CompressedBytes { get; } = compressedBytes;

    public HandlerSizeLimit Limit { get; } = limit;
}

using System.Collections.Concurrent;

namespace EdgePortal.AwsEmulator;

/// <summary>A request as it arrived: enough to compare what two clients send for the same call.</summary>
public sealed record CapturedRequest(
    string Operation,
    string Method,
    string Path,
    string Query,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    string Body);

/// <summary>Every API request the emulator received, in order.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    public IReadOnlyList<CapturedRequest> All => [.. _requests];

    public void Add(CapturedRequest request) => _requests.Enqueue(request);

    public void Clear() => _requests.Clear();
}

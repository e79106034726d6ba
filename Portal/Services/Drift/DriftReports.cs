using System.Collections.Concurrent;

namespace EdgePortal.Portal.Services.Drift;

/// <summary>
/// The latest drift report per target, kept in memory (a restart checks again), with an event so open pages show a
/// check another user or the periodic run made.
/// </summary>
public sealed class DriftReports
{
    private readonly ConcurrentDictionary<string, DriftReport> _latest = new(StringComparer.Ordinal);

    public event Action<DriftReport>? Changed;

    public DriftReport? Get(string targetId) => _latest.GetValueOrDefault(targetId);

    public IReadOnlyList<DriftReport> All => [.. _latest.Values.OrderBy(r => r.TargetId, StringComparer.Ordinal)];

    /// <summary>Keeps <paramref name="report"/> and returns the one it replaced.</summary>
    public DriftReport? Put(DriftReport report)
    {
        DriftReport? previous = null;
        _latest.AddOrUpdate(report.TargetId, report, (_, old) =>
        {
            previous = old;
            return report;
        });
        Changed?.Invoke(report);
        return previous;
    }
}

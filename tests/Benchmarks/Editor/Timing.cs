using System.Diagnostics;

namespace EdgePortal.Benchmarks.Editor;

/// <summary>
/// Wall-clock and CPU time of one step. The CPU time of the process is reported too because the
/// machines these run on are shared: wall time there includes waiting for a core.
/// </summary>
internal readonly record struct Timing(double WallMs, double CpuMs);

internal sealed class TimingScope
{
    private readonly Stopwatch _wall = Stopwatch.StartNew();
    private readonly TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

    public Timing Value { get; private set; }

    public void Stop() =>
        Value = new Timing(_wall.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart).TotalMilliseconds);
}

using EdgePortal.AwsEmulator;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>
/// Fake time where every wait ends at once by moving the clock forward by its length, so that a publish
/// that polls for minutes runs in milliseconds while the simulation, on the same clock, sees the minutes
/// pass. Given an emulator's clock, it moves that one.
/// </summary>
public sealed class JumpingTimeProvider(EmulatorClock? clock = null) : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => clock?.GetUtcNow() ?? new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by)
    {
        if (clock is null)
        {
            Interlocked.Add(ref _ticks, by.Ticks);
        }
        else
        {
            clock.Advance(by);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            Advance(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }
        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

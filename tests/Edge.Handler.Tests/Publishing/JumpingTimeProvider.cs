namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>
/// Fake time where every wait ends at once by moving the clock forward by its length, so that a publish
/// that polls for minutes runs in milliseconds and the simulation, on the same clock, sees the minutes pass.
/// </summary>
public sealed class JumpingTimeProvider : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 27, 4, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

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

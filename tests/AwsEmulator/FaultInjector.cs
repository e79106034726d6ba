using System.Collections.Concurrent;

namespace EdgePortal.AwsEmulator;

/// <summary>What goes wrong with a request.</summary>
public enum FaultKind
{
    /// <summary>CloudFront's 400 Throttling or Lambda's 429 TooManyRequestsException with Retry-After.</summary>
    Throttle,

    /// <summary>A 500 (CloudFront InternalError, Lambda ServiceException).</summary>
    ServerError,

    /// <summary>The answer comes after <see cref="Fault.Delay"/>, then as usual.</summary>
    Slow,

    /// <summary>Lambda's 409 ResourceConflictException: an update is in progress.</summary>
    Conflict,

    /// <summary>Another writer updates the distribution just before this request is handled, so its ETag is stale.</summary>
    ConcurrentWriter,
}

/// <summary>A fault armed for the next <see cref="Count"/> requests of one operation.</summary>
public sealed record Fault(string Operation, FaultKind Kind, int Count = 1, TimeSpan? Delay = null, TimeSpan? RetryAfter = null);

/// <summary>Faults waiting for their requests, consumed one request at a time.</summary>
public sealed class FaultInjector
{
    private readonly ConcurrentQueue<FaultSlot> _slots = new();

    /// <summary>Arms <paramref name="fault"/> for the next <see cref="Fault.Count"/> requests of its operation.</summary>
    public void Add(Fault fault)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Count, 1);
        _slots.Enqueue(new FaultSlot(fault, fault.Count));
    }

    public void Add(string operation, FaultKind kind, int count = 1) => Add(new Fault(operation, kind, count));

    public void Clear() => _slots.Clear();

    /// <summary>How many faults are still armed (a test checks that its faults were all used).</summary>
    public int Pending => _slots.Sum(s => Math.Max(0, s.Remaining));

    /// <summary>The fault this request gets, if any; takes one use of it.</summary>
    public Fault? Take(string operation)
    {
        foreach (var slot in _slots)
        {
            if (slot.Fault.Operation == operation && slot.TryUse())
            {
                return slot.Fault;
            }
        }

        return null;
    }

    private sealed class FaultSlot(Fault fault, int count)
    {
        private int _remaining = count;

        public Fault Fault { get; } = fault;

        public int Remaining => Volatile.Read(ref _remaining);

        public bool TryUse() => Interlocked.Decrement(ref _remaining) >= 0;
    }
}

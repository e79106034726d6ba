namespace EdgePortal.Portal.Accounts;

/// <summary>Settings of <see cref="SignInThrottle"/> (section <c>SignIn</c>).</summary>
public sealed class SignInLimits
{
    public const string SectionName = "SignIn";

    /// <summary>Failed sign-ins one client address may make within <see cref="Window"/>, whatever accounts it tries.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins for one account name within <see cref="Window"/>, from anywhere; it counts names that do not exist too.</summary>
    public int FailuresPerAccount { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public static SignInLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(SectionName).Get<SignInLimits>() ?? new SignInLimits();
        if (limits.FailuresPerAddress < 1 || limits.FailuresPerAccount < 1)
        {
            throw new InvalidOperationException($"{SectionName}:FailuresPerAddress, {SectionName}:FailuresPerAccount: give a whole number of at least 1.");
        }
        return limits.Window > TimeSpan.Zero
            ? limits
            : throw new InvalidOperationException($"{SectionName}:Window: give a positive time span (00:15:00), not {limits.Window}.");
    }
}

/// <summary>Why a sign-in is refused before its password is checked: how long to wait, and whether this is the first refusal for it in this window.</summary>
public sealed record SignInRefusal(TimeSpan RetryAfter, bool First);

/// <summary>
/// Counts failed sign-ins per client address and per account name in a sliding window, in memory. Identity's
/// lockout protects existing accounts; this also bounds guessing across many names and from one address,
/// and so the number of failed sign-ins that reach the audit history. Memory is bounded: past
/// <see cref="MaxTracked"/> addresses and names, expired ones go first, then those under their limit.
/// </summary>
public sealed class SignInThrottle(SignInLimits limits, TimeProvider time)
{
    public const int MaxTracked = 10_000;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Tracked
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Null when the attempt may go ahead; otherwise a refusal.</summary>
    public SignInRefusal? Check(string address, string account)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var addressWait = Wait(AddressKey(address), limits.FailuresPerAddress, now);
            var accountWait = Wait(AccountKey(account), limits.FailuresPerAccount, now);
            if (addressWait is null && accountWait is null)
            {
                return null;
            }
            var wait = TimeSpan.FromTicks(Math.Max(addressWait?.Ticks ?? 0, accountWait?.Ticks ?? 0));
            var first = false;
            foreach (var key in new[] { AddressKey(address), AccountKey(account) })
            {
                if (_entries.TryGetValue(key, out var entry) && entry.Failures.Count >= LimitOf(key) && (entry.RefusedAt is not { } at || at <= now - limits.Window))
                {
                    entry.RefusedAt = now;
                    first = true;
                }
            }
            return new SignInRefusal(wait, first);
        }
    }

    public void Failed(string address, string account)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            foreach (var key in new[] { AddressKey(address), AccountKey(account) })
            {
                if (!_entries.TryGetValue(key, out var entry))
                {
                    MakeRoom(now);
                    _entries[key] = entry = new Entry();
                }
                entry.Failures.Enqueue(now);
            }
        }
    }

    /// <summary>A right password ends the account's count (as Identity's lockout does), not the address's.</summary>
    public void Succeeded(string account)
    {
        lock (_lock)
        {
            _entries.Remove(AccountKey(account));
        }
    }

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }
        Expire(entry, now);
        return entry.Failures.Count >= limit ? entry.Failures.Peek() + limits.Window - now : null;
    }

    private void Expire(Entry entry, DateTimeOffset now)
    {
        while (entry.Failures.TryPeek(out var oldest) && oldest <= now - limits.Window)
        {
            entry.Failures.Dequeue();
        }
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (_entries.Count < MaxTracked)
        {
            return;
        }
        // Sweep down to nine tenths at once, so a flood of new names costs one sweep per thousand of them.
        var target = MaxTracked * 9 / 10;
        foreach (var (key, entry) in _entries.ToList())
        {
            Expire(entry, now);
            if (entry.Failures.Count == 0)
            {
                _entries.Remove(key);
            }
        }
        // Then what is under its limit (forgetting it costs the least), fewest failures first; at worst, anything.
        foreach (var (key, _) in _entries.OrderBy(e => e.Value.Failures.Count >= LimitOf(e.Key)).ThenBy(e => e.Value.Failures.Count).ToList())
        {
            if (_entries.Count <= target)
            {
                break;
            }
            _entries.Remove(key);
        }
    }

    private int LimitOf(string key) => key.StartsWith("address:", StringComparison.Ordinal) ? limits.FailuresPerAddress : limits.FailuresPerAccount;

    private static string AddressKey(string address) => "address:" + address;

    private static string AccountKey(string account) => "account:" + account;

    private sealed class Entry
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public DateTimeOffset? RefusedAt { get; set; }
    }
}

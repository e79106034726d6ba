using EdgePortal.Portal.Accounts;

namespace EdgePortal.Portal.Tests.Accounts;

public sealed class SignInThrottleTests
{
    private readonly ManualTime _time = new();
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() =>
        _throttle = new SignInThrottle(new SignInLimits { FailuresPerAddress = 5, FailuresPerAccount = 3, Window = TimeSpan.FromMinutes(10) }, _time);

    [Fact]
    public void Check_AccountFailedThreeTimesFromAnywhere_RefusedUntilTheOldestLeavesTheWindow()
    {
        _throttle.Failed("10.0.0.1", "ann@example.com");
        _time.Advance(TimeSpan.FromMinutes(1));
        _throttle.Failed("10.0.0.2", "ann@example.com");
        _throttle.Failed("10.0.0.3", "ann@example.com");

        var refused = _throttle.Check("10.0.0.4", "ann@example.com");
        var otherAccount = _throttle.Check("10.0.0.4", "bob@example.com");
        _time.Advance(TimeSpan.FromMinutes(9));
        var later = _throttle.Check("10.0.0.4", "ann@example.com");

        Assert.Equal(new SignInRefusal(TimeSpan.FromMinutes(9), First: true), refused);
        Assert.Null(otherAccount);
        Assert.Null(later);
    }

    [Fact]
    public void Check_AddressFailedFiveTimesOnDifferentAccounts_RefusesEveryAccountFromIt()
    {
        for (var i = 0; i < 5; i++)
        {
            _throttle.Failed("10.0.0.9", $"user{i}@example.com");
        }

        var fromIt = _throttle.Check("10.0.0.9", "new@example.com");
        var fromElsewhere = _throttle.Check("10.0.0.10", "new@example.com");

        Assert.NotNull(fromIt);
        Assert.Null(fromElsewhere);
    }

    [Fact]
    public void Check_RefusedAgainInTheSameWindow_IsNotTheFirstRefusal()
    {
        for (var i = 0; i < 3; i++)
        {
            _throttle.Failed("10.0.0.1", "ann@example.com");
        }

        var first = _throttle.Check("10.0.0.1", "ann@example.com");
        var second = _throttle.Check("10.0.0.1", "ann@example.com");

        Assert.True(first!.First);
        Assert.False(second!.First);
    }

    [Fact]
    public void Succeeded_AfterFailures_ClearsTheAccountButNotTheAddress()
    {
        for (var i = 0; i < 3; i++)
        {
            _throttle.Failed("10.0.0.1", "ann@example.com");
        }
        _throttle.Failed("10.0.0.1", "bob@example.com");
        _throttle.Failed("10.0.0.1", "bob@example.com");

        _throttle.Succeeded("ann@example.com");

        Assert.Null(_throttle.Check("10.0.0.2", "ann@example.com"));
        Assert.NotNull(_throttle.Check("10.0.0.1", "carol@example.com"));
    }

    [Fact]
    public void Failed_ManyDistinctNames_MemoryStaysBounded()
    {
        for (var i = 0; i < SignInThrottle.MaxTracked * 2; i++)
        {
            _throttle.Failed($"10.0.{i / 250 % 250}.{i % 250}", $"guess{i}@example.com");
        }

        Assert.True(_throttle.Tracked <= SignInThrottle.MaxTracked, $"{_throttle.Tracked} entries");
    }

    private sealed class ManualTime : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}

using System.Diagnostics;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class RetryTests
{
    private static readonly DateTimeOffset NoDeadline = DateTimeOffset.MaxValue;

    [Theory]
    [InlineData(FaultKind.Throttle, "CloudFront answered Throttling")]
    [InlineData(FaultKind.ServerError, "CloudFront answered InternalError")]
    public async Task ExecuteAsync_TransientFaults_RetriesAndSucceedsWithOneRequestPerAttempt(FaultKind kind, string reason)
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var retries = new List<RetryEvent>();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        emulator.Faults.Add("GetDistribution", kind, count: 2);

        var distribution = await new RetryPolicy(AwsTestClients.FastRetry).ExecuteAsync(
            ct => cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, ct), NoDeadline, Record(retries), CancellationToken.None);

        Assert.Equal(EmulatorSeed.DistributionId, distribution.Id);
        Assert.Equal([reason, reason], retries.Select(r => r.Reason));
        Assert.Equal(3, emulator.Requests.All.Count(r => r.Operation == "GetDistribution"));
    }

    [Fact]
    public async Task HttpClient_ThrottledOnce_SendsOneRequestAndThrowsARetryableError()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);
        emulator.Faults.Add(new Fault("GetFunctionConfiguration", FaultKind.Throttle, Count: 5, RetryAfter: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, CancellationToken.None));

        Assert.Equal(("TooManyRequestsException", 429, true), (error.Code, error.StatusCode, error.Retryable));
        Assert.Equal("Lambda answered TooManyRequestsException: requests were throttled (Rate exceeded)", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), error.Data[RetryPolicy.RetryAfterKey]);
        Assert.Single(emulator.Requests.All, r => r.Operation == "GetFunctionConfiguration");
        Assert.Equal(4, emulator.Faults.Pending);
    }

    [Fact]
    public async Task ExecuteAsync_ThrottledEveryTime_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);
        emulator.Faults.Add(new Fault("GetFunctionConfiguration", FaultKind.Throttle, Count: 5));
        var policy = new RetryPolicy(AwsTestClients.FastRetry with { MaxAttempts = 2 });

        var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => policy.ExecuteAsync(
            ct => lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, ct), NoDeadline, null, CancellationToken.None));

        Assert.Equal(("gave up after 2 attempts", 2, false), (error.Message, error.Attempts, error.OutOfTime));
        Assert.Equal("TooManyRequestsException", Assert.IsType<AwsServiceException>(error.InnerException).Code);
        Assert.Equal(2, emulator.Requests.All.Count(r => r.Operation == "GetFunctionConfiguration"));
    }

    [Fact]
    public async Task ExecuteAsync_SlowAnswerLongerThanTheAttemptTimeout_IsRetried()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var retries = new List<RetryEvent>();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        emulator.Faults.Add(new Fault("GetDistributionConfig", FaultKind.Slow, Delay: TimeSpan.FromMinutes(1)));
        var policy = new RetryPolicy(AwsTestClients.FastRetry with { AttemptTimeout = TimeSpan.FromSeconds(2) });

        var snapshot = await policy.ExecuteAsync(ct => cloudFront.GetDistributionConfigAsync(EmulatorSeed.DistributionId, ct), NoDeadline,
            Record(retries), CancellationToken.None);

        Assert.NotEmpty(snapshot.ETag);
        Assert.Equal("no answer in time", Assert.Single(retries).Reason);
    }

    [Fact]
    public async Task ExecuteAsync_HungCall_EndsAtTheDeadlineNotAtTheAttemptTimeout()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var cloudFront = AwsTestClients.CloudFront(emulator);
        emulator.Faults.Add(new Fault("GetDistribution", FaultKind.Slow, Count: 100, Delay: TimeSpan.FromMinutes(10)));
        var policy = new RetryPolicy(AwsTestClients.FastRetry with { AttemptTimeout = TimeSpan.FromMinutes(5) });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => policy.ExecuteAsync(
            ct => cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, ct), DateTimeOffset.UtcNow.AddSeconds(2), null, CancellationToken.None));

        Assert.True(error.OutOfTime, error.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ExecuteAsync_NextWaitWouldPassTheDeadline_StopsWithoutWaiting()
    {
        var attempts = 0;
        var policy = new RetryPolicy(AwsTestClients.FastRetry with { BaseDelay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1) }, random: () => 1);

        var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => policy.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new AwsServiceException("CloudFront", "Throttling", "slow down", 400, true);
        }, DateTimeOffset.UtcNow.AddSeconds(30), null, CancellationToken.None));

        Assert.Equal((1, true), (attempts, error.OutOfTime));
        Assert.Equal("the time ran out after 1 attempt(s)", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_DeadlineAlreadyPassed_MakesNoAttempt()
    {
        var attempts = 0;
        var policy = new RetryPolicy(AwsTestClients.FastRetry);

        var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => policy.ExecuteAsync(_ => Task.FromResult(++attempts),
            DateTimeOffset.UtcNow.AddSeconds(-1), null, CancellationToken.None));

        Assert.Equal((0, 0, true), (attempts, error.Attempts, error.OutOfTime));
        Assert.Equal("the time ran out before it could be", error.Message);
    }

    [Fact]
    public async Task ExecuteAsync_DeadlinePassesDuringTheWait_ThrowsTheLastFailure()
    {
        var clock = new HourPerWaitClock();
        // A fixed jitter: a random wait of zero would complete without a timer, so the clock would not move.
        var policy = new RetryPolicy(AwsTestClients.FastRetry, clock, random: () => 0.5);

        var error = await Assert.ThrowsAsync<RetriesExhaustedException>(() => policy.ExecuteAsync<int>(
            _ => throw new AwsServiceException("Lambda", "ServiceException", "down", 500, true),
            clock.GetUtcNow().AddMinutes(10), null, CancellationToken.None));

        Assert.Equal(("the time ran out after 1 attempt(s)", 1, true), (error.Message, error.Attempts, error.OutOfTime));
        Assert.Equal("ServiceException", Assert.IsType<AwsServiceException>(error.InnerException).Code);
    }

    [Fact]
    public void BackoffDelay_RetryAfterLongerThanJitter_WaitsForRetryAfter()
    {
        var policy = new RetryPolicy(new RetryOptions(), random: () => 0.5);

        Assert.Equal(TimeSpan.FromSeconds(3), policy.BackoffDelay(1, TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.FromMilliseconds(125), policy.BackoffDelay(1, null));
        Assert.Equal(TimeSpan.FromMilliseconds(1000), policy.BackoffDelay(4, null));
        Assert.Equal(TimeSpan.FromSeconds(10), policy.BackoffDelay(20, null));
    }

    [Theory]
    [InlineData("PreconditionFailed", 412)]
    [InlineData("ResourceConflictException", 409)]
    public async Task ExecuteAsync_ErrorTheCallerDecidesOn_ThrowsAtOnce(string code, int status)
    {
        var attempts = 0;
        var policy = new RetryPolicy(AwsTestClients.FastRetry);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => policy.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new AwsServiceException("Lambda", code, "busy or stale", status, AwsErrorSentences.IsRetryable(code, status));
        }, NoDeadline, null, CancellationToken.None));

        Assert.Equal((1, code), (attempts, error.Code));
    }

    /// <summary>A clock on which every wait takes an hour (a machine that slept, say).</summary>
    private sealed class HourPerWaitClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _now += TimeSpan.FromHours(1);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return System.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private static Func<RetryEvent, CancellationToken, Task> Record(List<RetryEvent> retries) => (retry, _) =>
    {
        retries.Add(retry);
        return Task.CompletedTask;
    };
}

using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class RetryTests
{
    [Theory]
    [InlineData(FaultKind.Throttle, "Throttling")]
    [InlineData(FaultKind.ServerError, "InternalError")]
    public async Task CloudFrontCall_TransientFaults_RetriesAndSucceeds(FaultKind kind, string code)
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var retries = new List<RetryEvent>();
        using var cloudFront = AwsTestClients.CloudFront(emulator, onRetry: retries.Add);
        emulator.Faults.Add("GetDistribution", kind, count: 2);

        var distribution = await cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, CancellationToken.None);

        Assert.Equal(EmulatorSeed.DistributionId, distribution.Id);
        Assert.Equal([code, code], retries.Select(r => r.Reason));
        Assert.Equal(0, emulator.Faults.Pending);
    }

    [Fact]
    public async Task LambdaCall_ThrottledEveryTime_GivesUpAfterMaxAttemptsNamingTheCode()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator, AwsTestClients.FastRetry with { MaxAttempts = 2 });
        emulator.Faults.Add(new Fault("GetFunctionConfiguration", FaultKind.Throttle, Count: 5, RetryAfter: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, CancellationToken.None));

        Assert.Equal(("TooManyRequestsException", 429, true), (error.Code, error.StatusCode, error.Retryable));
        Assert.Equal("Lambda answered TooManyRequestsException: requests were throttled (Rate exceeded)", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(1), error.Data[RetryPolicy.RetryAfterKey]);
        Assert.Equal(3, emulator.Faults.Pending);
    }

    [Fact]
    public async Task UpdateFunctionCode_UpdateInProgress_WaitsForItAndSucceeds()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var retries = new List<RetryEvent>();
        using var lambda = AwsTestClients.Lambda(emulator, onRetry: retries.Add);
        emulator.Faults.Add("UpdateFunctionCode", FaultKind.Conflict, count: 3);

        var updated = await lambda.UpdateFunctionCodeAsync(EmulatorSeed.FunctionName, EmulatorSeed.Zip("// next\n"), null, CancellationToken.None);

        Assert.Equal("$LATEST", updated.Version);
        Assert.Equal(3, retries.Count(r => r.Reason == "ResourceConflictException"));
    }

    [Fact]
    public async Task PublishVersion_RightAfterAnUpdate_WaitsUntilTheUpdateFinishes()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync(new() { FunctionUpdateDelay = TimeSpan.FromMinutes(1) });
        using var lambda = AwsTestClients.Lambda(emulator, onRetry: _ => emulator.Clock.Advance(TimeSpan.FromSeconds(30)));
        var updated = await lambda.UpdateFunctionCodeAsync(EmulatorSeed.FunctionName, EmulatorSeed.Zip("// next\n"), null, CancellationToken.None);

        var published = await lambda.PublishVersionAsync(EmulatorSeed.FunctionName, updated.CodeSha256, null, null, CancellationToken.None);

        Assert.Equal("InProgress", updated.LastUpdateStatus);
        Assert.Equal("7", published.Version);
    }

    [Fact]
    public async Task SlowAnswer_LongerThanTheAttemptTimeout_IsRetried()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var retries = new List<RetryEvent>();
        using var cloudFront = AwsTestClients.CloudFront(emulator, AwsTestClients.FastRetry with { AttemptTimeout = TimeSpan.FromSeconds(2) }, onRetry: retries.Add);
        emulator.Faults.Add(new Fault("GetDistributionConfig", FaultKind.Slow, Delay: TimeSpan.FromMinutes(1)));

        var snapshot = await cloudFront.GetDistributionConfigAsync(EmulatorSeed.DistributionId, CancellationToken.None);

        Assert.NotEmpty(snapshot.ETag);
        Assert.Equal("timeout", retries[0].Reason);
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

    [Fact]
    public async Task ExecuteAsync_NonRetryableError_ThrowsAtOnce()
    {
        var attempts = 0;
        var policy = new RetryPolicy(AwsTestClients.FastRetry);

        await Assert.ThrowsAsync<AwsServiceException>(() => policy.ExecuteAsync<int>(_ =>
        {
            attempts++;
            throw new AwsServiceException("CloudFront", "PreconditionFailed", "stale", 412, false);
        }, CancellationToken.None));

        Assert.Equal(1, attempts);
    }
}

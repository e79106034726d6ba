using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;
using Microsoft.Extensions.Time.Testing;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class SimulationTests
{
    private const string Id = EmulatorSeed.DistributionId;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly AwsSimulation _simulation;

    public SimulationTests()
    {
        _simulation = new AwsSimulation(new SimulationOptions(), _time);
        EmulatorSeed.Apply(_simulation);
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:edge-rules", "must reference a specific function version")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:$LATEST", "must reference a specific function version")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:live", "must reference a specific function version")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:edge-rules:3", "must be in region 'us-east-1'")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:99", "does not exist")]
    [InlineData("arn:aws:lambda:us-east-1:999999999999:function:edge-rules:3", "does not exist")]
    public void UpdateDistribution_BadFunctionArn_IsRefusedAsInvalidAssociation(string arn, string reason)
    {
        var error = Assert.Throws<SimulationException>(() => Update(new DistributionConfigChange { CacheBehaviors = ["*"], Functions = new Dictionary<string, string?> { ["origin-request"] = arn } }));

        Assert.Equal(("InvalidLambdaFunctionAssociation", 400), (error.Code, error.StatusCode));
        Assert.Contains(reason, error.AwsMessage);
    }

    [Fact]
    public void UpdateDistribution_TwoFunctionsForOneEventType_IsRefused()
    {
        var (config, etag) = _simulation.CloudFront.GetDistributionConfig(Id);
        var doubled = config.Replace("<EventType>origin-response</EventType>", "<EventType>origin-request</EventType>", StringComparison.Ordinal);

        var error = Assert.Throws<SimulationException>(() => _simulation.CloudFront.UpdateDistribution(Id, doubled, etag));

        Assert.Equal("InvalidLambdaFunctionAssociation", error.Code);
        Assert.Contains("More than one function", error.AwsMessage);
    }

    [Fact]
    public void UpdateDistribution_ViewerEventWithPackageOverOneMegabyte_IsRefused()
    {
        var big = EmulatorSeed.Zip(new string('x', 10)).Concat(new byte[1024 * 1024]).ToArray();
        var version = _simulation.Lambda.SeedVersion(EmulatorSeed.FunctionName, big, "big");
        var (config, etag) = _simulation.CloudFront.GetDistributionConfig(Id);
        var viewer = config.Replace("<EventType>origin-response</EventType>", "<EventType>viewer-response</EventType>", StringComparison.Ordinal)
            .Replace("edge-rules:6", "edge-rules:" + version.Version, StringComparison.Ordinal);

        var error = Assert.Throws<SimulationException>(() => _simulation.CloudFront.UpdateDistribution(Id, viewer, etag));

        Assert.Contains("code size is larger than the maximum", error.AwsMessage);
    }

    [Fact]
    public void UpdateDistribution_QuantityNotMatchingItems_IsRefusedAsInconsistentQuantities()
    {
        var (config, etag) = _simulation.CloudFront.GetDistributionConfig(Id);
        var wrong = config.Replace("<Aliases><Quantity>2</Quantity>", "<Aliases><Quantity>3</Quantity>", StringComparison.Ordinal);

        Assert.Equal("InconsistentQuantities", Assert.Throws<SimulationException>(() => _simulation.CloudFront.UpdateDistribution(Id, wrong, etag)).Code);
    }

    [Fact]
    public void UpdateDistribution_ChangedCallerReference_IsRefusedAsIllegalUpdate()
    {
        var (config, etag) = _simulation.CloudFront.GetDistributionConfig(Id);
        var changed = config.Replace("terraform-20240611120000000000000001", "other", StringComparison.Ordinal);

        Assert.Equal("IllegalUpdate", Assert.Throws<SimulationException>(() => _simulation.CloudFront.UpdateDistribution(Id, changed, etag)).Code);
    }

    [Fact]
    public void UpdateDistribution_WithoutIfMatch_IsRefusedAsInvalidIfMatchVersion()
    {
        var (config, _) = _simulation.CloudFront.GetDistributionConfig(Id);

        Assert.Equal(400, Assert.Throws<SimulationException>(() => _simulation.CloudFront.UpdateDistribution(Id, config, null)).StatusCode);
    }

    [Fact]
    public void Distribution_AfterUpdate_IsInProgressUntilThePropagationDelayPasses()
    {
        var updated = Update(new DistributionConfigChange { CacheBehaviors = ["*"], Functions = new Dictionary<string, string?> { ["origin-request"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:2" } });
        _time.Advance(TimeSpan.FromSeconds(4));
        var during = _simulation.CloudFront.GetDistribution(Id);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("InProgress", updated.Status);
        Assert.Equal("InProgress", during.Status);
        Assert.Equal("Deployed", _simulation.CloudFront.GetDistribution(Id).Status);
    }

    [Fact]
    public void UpdateFunctionCode_WhileAnUpdateIsInProgress_ConflictsUntilItSettles()
    {
        _simulation.Lambda.UpdateFunctionCode(EmulatorSeed.FunctionName, EmulatorSeed.Zip("a"), null);

        var error = Assert.Throws<SimulationException>(() => _simulation.Lambda.UpdateFunctionCode(EmulatorSeed.FunctionName, EmulatorSeed.Zip("b"), null));
        _time.Advance(_simulation.Options.FunctionUpdateDelay);

        Assert.Equal(("ResourceConflictException", 409), (error.Code, error.StatusCode));
        Assert.Equal("Successful", _simulation.Lambda.GetFunctionConfiguration(EmulatorSeed.FunctionName, null).LastUpdateStatus);
        Assert.Equal("$LATEST", _simulation.Lambda.UpdateFunctionCode(EmulatorSeed.FunctionName, EmulatorSeed.Zip("b"), null).Version);
    }

    [Fact]
    public void UpdateFunctionCode_NotAZip_IsRefused()
    {
        var error = Assert.Throws<SimulationException>(() => _simulation.Lambda.UpdateFunctionCode(EmulatorSeed.FunctionName, [1, 2, 3, 4], null));

        Assert.Equal("InvalidParameterValueException", error.Code);
    }

    [Fact]
    public void CreateInvalidation_SixteenWildcardsInProgress_IsRefused()
    {
        for (var i = 0; i < 15; i++)
        {
            _simulation.CloudFront.CreateInvalidation(Id, [$"/w{i}/*"], $"ref-{i}");
        }

        var error = Assert.Throws<SimulationException>(() => _simulation.CloudFront.CreateInvalidation(Id, ["/w15/*"], "ref-15"));
        _time.Advance(_simulation.Options.InvalidationDelay);

        Assert.Equal("TooManyInvalidationsInProgress", error.Code);
        Assert.True(_simulation.CloudFront.CreateInvalidation(Id, ["/w15/*"], "ref-15").Created);
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("/a*b")]
    [InlineData("/menu du jour/*")]
    [InlineData("/caf\u00e9.html")]
    [InlineData("/tab\there")]
    public void CreateInvalidation_BadPath_IsRefusedAsInvalidArgument(string path)
    {
        Assert.Equal("InvalidArgument", Assert.Throws<SimulationException>(() => _simulation.CloudFront.CreateInvalidation(Id, [path], "r")).Code);
    }

    [Fact]
    public void CreateInvalidation_PathOver4000Characters_IsRefusedAndOneOf4000IsNot()
    {
        var longest = "/" + new string('x', 3999);

        Assert.Equal("InvalidArgument", Assert.Throws<SimulationException>(() => _simulation.CloudFront.CreateInvalidation(Id, [longest + "x"], "r1")).Code);
        Assert.True(_simulation.CloudFront.CreateInvalidation(Id, [longest], "r2").Created);
    }

    [Fact]
    public void CreateInvalidation_EncodedSpaceAndNonAscii_IsAccepted()
    {
        var created = _simulation.CloudFront.CreateInvalidation(Id, ["/menu%20du%20jour/*", "/caf%C3%A9.html"], "encoded");

        Assert.Equal(["/menu%20du%20jour/*", "/caf%C3%A9.html"], created.Invalidation.Paths);
    }

    [Fact]
    public void Snapshot_WrittenAndRestored_KeepsFunctionsDistributionsAndInvalidations()
    {
        Update(new DistributionConfigChange { CacheBehaviors = ["*"], Functions = new Dictionary<string, string?> { ["origin-request"] = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:2" } });
        var invalidation = _simulation.CloudFront.CreateInvalidation(Id, ["/x"], "r").Invalidation;
        var copy = new AwsSimulation(new SimulationOptions(), _time);

        copy.RestoreJson(_simulation.ToJson());

        Assert.Equal(_simulation.CloudFront.GetDistributionConfig(Id), copy.CloudFront.GetDistributionConfig(Id));
        Assert.Equal(_simulation.Lambda.ListVersionsByFunction(EmulatorSeed.FunctionName, null, null).Versions, copy.Lambda.ListVersionsByFunction(EmulatorSeed.FunctionName, null, null).Versions);
        Assert.Equal(invalidation.Id, copy.CloudFront.GetInvalidation(Id, invalidation.Id).Id);
        Assert.Equal(_simulation.Lambda.GetCode(EmulatorSeed.FunctionName, "3"), copy.Lambda.GetCode(EmulatorSeed.FunctionName, "3"));
    }

    [Fact]
    public void ToServiceException_Conflict_IsTheSameErrorTheHttpClientRaises()
    {
        var error = new SimulationException("Lambda", "ResourceConflictException", "An update is in progress", 409).ToServiceException();

        Assert.Equal(("Lambda", "ResourceConflictException", 409, false), (error.Service, error.Code, error.StatusCode, error.Retryable));
        Assert.Equal("Lambda answered ResourceConflictException: the function is still being updated (An update is in progress)", error.Message);
    }

    private DistributionView Update(DistributionConfigChange change)
    {
        var (config, etag) = _simulation.CloudFront.GetDistributionConfig(Id);
        return _simulation.CloudFront.UpdateDistribution(Id, DistributionConfigEditor.Apply(config, change), etag);
    }
}

using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;
using EdgePortal.Edge.Tests.Publishing;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>The operations the preflight reads, through the real HTTP clients and the emulator.</summary>
public sealed class PreflightOperationsTests
{
    [Fact]
    public async Task GetCachePolicy_ManagedCachingOptimized_HasItsRealNameAndNoHeadersInTheKey()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var policy = await world.Clients.CloudFront.GetCachePolicyAsync(ManagedCachePolicies.CachingOptimizedId, default);

        Assert.Equal(("Managed-CachingOptimized", 31536000L, "none", "none"), (policy.Name, policy.MaxTtl, policy.HeaderBehavior, policy.QueryStringBehavior));
        Assert.False(policy.KeysOnHeader("CloudFront-Viewer-Country"));
    }

    [Fact]
    public async Task GetCachePolicy_ManagedAmplify_KeysOnViewerCountryAndQueryStrings()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var policy = await world.Clients.CloudFront.GetCachePolicyAsync(ManagedCachePolicies.AmplifyId, default);

        Assert.True(policy.KeysOnHeader("cloudfront-viewer-country"));
        Assert.True(policy.KeysOnQueryString);
    }

    [Fact]
    public async Task GetCachePolicy_UnknownId_AnswersNoSuchCachePolicy()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => world.Clients.CloudFront.GetCachePolicyAsync("00000000-0000-0000-0000-000000000000", default));

        Assert.Equal(("NoSuchCachePolicy", 404), (error.Code, error.StatusCode));
    }

    [Fact]
    public async Task GetFunctionConfiguration_FunctionWithEnvironmentAndLayers_ReportsThem()
    {
        await using var world = await EmulatorWorld.StartAsync();
        world.Simulation.Lambda.Configure(EmulatorSeed.FunctionName, f => f with
        {
            Environment = new Dictionary<string, string> { ["STAGE"] = "prod", ["DEBUG"] = "1" },
            Layers = ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"],
            Architectures = ["arm64"],
            Runtime = "nodejs22.x",
            Timeout = 12,
            MemorySize = 256,
        });

        var function = await world.Clients.Lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, default);

        Assert.Equal(["DEBUG", "STAGE"], function.EnvironmentVariables);
        Assert.Equal(["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"], function.Layers);
        Assert.Equal(["arm64"], function.Architectures);
        Assert.Equal(("nodejs22.x", 12, 256, "Zip", "index.handler"), (function.Runtime, function.Timeout, function.MemorySize, function.PackageType, function.Handler));
        Assert.Equal("arn:aws:iam::123456789012:role/edge-rules-execution", function.Role);
    }

    [Fact]
    public async Task GetRole_SeededExecutionRole_ReturnsTheDecodedTrustPolicy()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var role = await world.Clients.Iam!.GetRoleAsync("edge-rules-execution", default);

        Assert.Equal("arn:aws:iam::123456789012:role/edge-rules-execution", role.Arn);
        Assert.True(TrustPolicy.Allows(role.AssumeRolePolicyDocument, TrustPolicy.EdgeLambda));
        Assert.True(TrustPolicy.Allows(role.AssumeRolePolicyDocument, TrustPolicy.Lambda));
    }

    [Fact]
    public async Task GetRole_UnknownRole_AnswersNoSuchEntity()
    {
        await using var world = await EmulatorWorld.StartAsync();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => world.Clients.Iam!.GetRoleAsync("nobody", default));

        Assert.Equal(("IAM", "NoSuchEntity", 404), (error.Service, error.Code, error.StatusCode));
    }

    [Theory]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","edgelambda.amazonaws.com"]},"Action":"sts:AssumeRole"}]}""", true)]
    [InlineData("""{"Statement":{"Effect":"Allow","Principal":{"Service":"edgelambda.amazonaws.com"},"Action":["sts:AssumeRole"]}}""", true)]
    [InlineData("""{"Statement":[{"Effect":"Deny","Principal":{"Service":"edgelambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", false)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", false)]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"Service":"edgelambda.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"1"}}}]}""", false)]
    [InlineData("not json", false)]
    public void Allows_TrustPolicy_SaysWhetherEdgeLambdaMayAssumeTheRole(string policy, bool allowed)
    {
        Assert.Equal(allowed, TrustPolicy.Allows(policy, TrustPolicy.EdgeLambda));
    }
}

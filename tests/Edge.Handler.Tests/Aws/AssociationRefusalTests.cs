using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Simulation;
using EdgePortal.Edge.Tests.Publishing;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>CloudFront refuses, over the wire, an association to a function that breaks a Lambda@Edge rule.</summary>
public sealed class AssociationRefusalTests
{
    public static TheoryData<string, string> Misfits() => new()
    {
        { "environment", "cannot have environment variables" },
        { "layers", "cannot have layers" },
        { "runtime", "invalid runtime for Lambda@Edge: java21" },
        { "arm64", "must use the x86_64 architecture" },
        { "timeout", "between 1 and 30 seconds for origin-request events" },
        { "image", "cannot be a container image" },
        { "role", "must be assumable with edgelambda.amazonaws.com" },
    };

    [Theory]
    [MemberData(nameof(Misfits))]
    public async Task UpdateDistribution_FunctionBreakingAnEdgeRule_AnswersInvalidLambdaFunctionAssociation(string misfit, string reason)
    {
        await using var world = await EmulatorWorld.StartAsync();
        Break(world.Simulation, misfit);
        var snapshot = await world.Clients.CloudFront.GetDistributionConfigAsync(EmulatorSeed.DistributionId, default);
        var changed = DistributionConfigEditor.Apply(snapshot.DistributionConfigXml,
            new DistributionConfigChange { CacheBehaviors = ["*"], OriginRequestFunctionArn = EmulatorWorld.SeedArn.Replace(":6", ":5", StringComparison.Ordinal) });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            world.Clients.CloudFront.UpdateDistributionAsync(EmulatorSeed.DistributionId, changed, snapshot.ETag, default));

        Assert.Equal(("InvalidLambdaFunctionAssociation", 400), (error.Code, error.StatusCode));
        Assert.Contains(reason, error.Message);
        Assert.Equal(snapshot.ETag, (await world.Clients.CloudFront.GetDistributionConfigAsync(EmulatorSeed.DistributionId, default)).ETag);
    }

    [Fact]
    public async Task UpdateDistribution_FunctionThatFitsEdgeRules_IsAccepted()
    {
        await using var world = await EmulatorWorld.StartAsync();
        var snapshot = await world.Clients.CloudFront.GetDistributionConfigAsync(EmulatorSeed.DistributionId, default);
        var changed = DistributionConfigEditor.Apply(snapshot.DistributionConfigXml,
            new DistributionConfigChange { CacheBehaviors = ["*"], OriginRequestFunctionArn = EmulatorWorld.SeedArn.Replace(":6", ":5", StringComparison.Ordinal) });

        var etag = await world.Clients.CloudFront.UpdateDistributionAsync(EmulatorSeed.DistributionId, changed, snapshot.ETag, default);

        Assert.NotEqual(snapshot.ETag, etag);
    }

    internal static void Break(AwsSimulation simulation, string misfit)
    {
        if (misfit == "role")
        {
            simulation.Iam.CreateRole("edge-rules-execution",
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");
            return;
        }
        simulation.Lambda.Configure(EmulatorSeed.FunctionName, f => misfit switch
        {
            "environment" => f with { Environment = new Dictionary<string, string> { ["STAGE"] = "prod" } },
            "layers" => f with { Layers = ["arn:aws:lambda:us-east-1:123456789012:layer:deps:3"] },
            "runtime" => f with { Runtime = "java21" },
            "arm64" => f with { Architectures = ["arm64"] },
            "timeout" => f with { Timeout = 60 },
            "image" => f with { PackageType = "Image" },
            _ => throw new ArgumentOutOfRangeException(nameof(misfit), misfit, "no such misfit"),
        });
    }
}

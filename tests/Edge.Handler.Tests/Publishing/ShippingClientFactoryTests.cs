using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Local;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

public class ShippingClientFactoryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("arn:aws:iam::123456789012:role/edgeportal-publisher")]
    public async Task Run_AwsTargetThroughFactory_PublishesWithKeysOrAnAssumedRole(string? roleArn)
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var factory = Factory(world);
        var target = AwsTarget(world, roleArn);
        var publisher = new Publisher(world.Store, factory, EmulatorWorld.FastOptions, world.Time);
        var created = await publisher.CreateAsync(world.Request("r7") with { Target = target }, default);

        var deployment = await publisher.RunAsync(created.Id, null, default);

        Assert.True(deployment.State == DeploymentState.Succeeded, deployment.Error);
        Assert.Equal(deployment.VersionArn, world.Associated());
    }

    [Fact]
    public async Task Run_RoleThatCannotBeAssumed_FailsNamingAccessDeniedAndFreesTheTarget()
    {
        await using var world = await EmulatorWorld.StartAsync();
        using var factory = Factory(world);
        var target = AwsTarget(world, "arn:aws:iam::999999999999:role/elsewhere");
        var publisher = new Publisher(world.Store, factory, EmulatorWorld.FastOptions, world.Time);
        var created = await publisher.CreateAsync(world.Request("r7") with { Target = target }, default);

        var deployment = await publisher.RunAsync(created.Id, null, default);

        Assert.Equal(DeploymentState.Failed, deployment.State);
        Assert.Contains("AccessDenied", deployment.Error);
        Assert.Equal(EmulatorWorld.SeedArn, world.Associated());
        Assert.True((await world.Store.TryAcquireTargetLockAsync(target.Name, "next", default)).Acquired);
    }

    [Fact]
    public void Create_LocalTarget_GivesTheLocalSimulation()
    {
        var local = new LocalAws(new AwsSimulation(), null);
        using var factory = new ShippingClientFactory(local);

        var clients = factory.Create(new Target { Name = "local", Kind = TargetKind.Local, FunctionName = "f", DistributionId = "E" });

        Assert.Same(local, clients.Lambda);
        Assert.Same(local, clients.CloudFront);
    }

    private static ShippingClientFactory Factory(EmulatorWorld world) =>
        new(new LocalAws(new AwsSimulation(), null),
            () => AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, EmulatorOptions.ExampleSecretAccessKey));

    private static Target AwsTarget(EmulatorWorld world, string? roleArn) => world.Target with
    {
        Endpoints = new TargetEndpoints(world.Emulator.BaseUri, world.Emulator.BaseUri, world.Emulator.BaseUri),
        Credentials = new TargetCredentials { RoleArn = roleArn },
    };
}

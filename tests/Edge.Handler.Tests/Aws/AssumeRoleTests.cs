using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class AssumeRoleTests
{
    [Fact]
    public async Task CloudFrontCall_WithARole_IsSignedWithTheRolesTemporaryKeys()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var role = AwsCredentialsFactory.AssumeRole(AwsTestClients.ExampleCredentials, "arn:aws:iam::123456789012:role/edgeportal-publisher", stsEndpoint: emulator.BaseUri);
        using var cloudFront = AwsTestClients.CloudFront(emulator, credentials: role);

        var distribution = await cloudFront.GetDistributionAsync(EmulatorSeed.DistributionId, CancellationToken.None);

        Assert.Equal(EmulatorSeed.DistributionId, distribution.Id);
        Assert.Equal(["AssumeRole", "GetDistribution"], emulator.Requests.All.Select(r => r.Operation));
        var signed = emulator.Requests.All[1].Headers;
        Assert.Contains("Credential=ASIA", signed["authorization"]);
        Assert.True(signed.ContainsKey("x-amz-security-token"));
    }

    [Fact]
    public async Task LambdaCall_RoleOfAnotherAccount_FailsWithStsAccessDenied()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        var role = AwsCredentialsFactory.AssumeRole(AwsTestClients.ExampleCredentials, "arn:aws:iam::999999999999:role/elsewhere", stsEndpoint: emulator.BaseUri);
        using var lambda = AwsTestClients.Lambda(emulator, credentials: role);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync(EmulatorSeed.FunctionName, null, CancellationToken.None));

        Assert.Equal(("STS", "AccessDenied"), (error.Service, error.Code));
        Assert.Contains("could not assume arn:aws:iam::999999999999:role/elsewhere", error.Message);
    }
}

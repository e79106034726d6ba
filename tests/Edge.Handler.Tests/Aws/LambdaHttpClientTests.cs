using System.Security.Cryptography;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;

namespace EdgePortal.Edge.Tests.Aws;

public sealed class LambdaHttpClientTests
{
    private const string Function = EmulatorSeed.FunctionName;

    [Fact]
    public async Task GetFunctionConfiguration_SeededFunction_ReturnsLatestWithItsHash()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);

        var latest = await lambda.GetFunctionConfigurationAsync(Function, null, CancellationToken.None);

        Assert.Equal("$LATEST", latest.Version);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules", latest.FunctionArn);
        Assert.Equal(emulator.Simulation.Lambda.GetFunctionConfiguration(Function, null).CodeSha256, latest.CodeSha256);
        Assert.Equal("Active", latest.State);
        Assert.Equal("Successful", latest.LastUpdateStatus);
    }

    [Fact]
    public async Task GetFunctionConfiguration_ArnWithQualifier_ReturnsThatVersion()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);

        var version = await lambda.GetFunctionConfigurationAsync("arn:aws:lambda:us-east-1:123456789012:function:edge-rules", "3", CancellationToken.None);

        Assert.Equal("3", version.Version);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:edge-rules:3", version.FunctionArn);
        Assert.Equal("build 3", version.Description);
    }

    [Fact]
    public async Task UpdateThenPublish_NewCode_PublishesNextVersionWithZipHash()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);
        var zip = EmulatorSeed.Zip("// new rules\n");

        var updated = await lambda.UpdateFunctionCodeAsync(Function, zip, null, CancellationToken.None);
        var published = await lambda.PublishVersionAsync(Function, updated.CodeSha256, "revision 12", updated.RevisionId, CancellationToken.None);

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(zip)), updated.CodeSha256);
        Assert.Equal(zip.Length, updated.CodeSize);
        Assert.Equal("7", published.Version);
        Assert.Equal(updated.CodeSha256, published.CodeSha256);
        Assert.Equal("revision 12", published.Description);
    }

    [Fact]
    public async Task PublishVersion_CodeUnchanged_ReturnsTheNewestVersion()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);
        var latest = await lambda.GetFunctionConfigurationAsync(Function, null, CancellationToken.None);

        var published = await lambda.PublishVersionAsync(Function, latest.CodeSha256, null, null, CancellationToken.None);

        Assert.Equal("6", published.Version);
    }

    [Fact]
    public async Task PublishVersion_HashOfOtherCode_FailsNamingTheCode()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            lambda.PublishVersionAsync(Function, Convert.ToBase64String(new byte[32]), null, null, CancellationToken.None));

        Assert.Equal("InvalidParameterValueException", error.Code);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("is different from current CodeSHA256", error.Message);
    }

    [Fact]
    public async Task UpdateFunctionCode_StaleRevisionId_FailsWithPreconditionFailedException()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            lambda.UpdateFunctionCodeAsync(Function, EmulatorSeed.Zip("x"), "00000000-0000-0000-0000-000000000000", CancellationToken.None));

        Assert.Equal("PreconditionFailedException", error.Code);
        Assert.StartsWith("Lambda answered PreconditionFailedException: the function changed since it was read", error.Message);
    }

    [Fact]
    public async Task ListVersionsByFunction_MoreThanOnePage_ReturnsEveryVersion()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        for (var i = 7; i <= 60; i++)
        {
            emulator.Simulation.Lambda.SeedVersion(Function, EmulatorSeed.Zip($"// build {i}\n"), $"build {i}");
        }

        using var lambda = AwsTestClients.Lambda(emulator);

        var versions = await lambda.ListVersionsByFunctionAsync(Function, CancellationToken.None);

        Assert.Equal(["$LATEST", .. Enumerable.Range(1, 60).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))], versions.Select(v => v.Version));
        Assert.Equal(2, emulator.Requests.All.Count(r => r.Operation == "ListVersionsByFunction"));
    }

    [Fact]
    public async Task DeleteFunction_VersionNothingRan_IsGoneFromTheList()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);

        await lambda.DeleteFunctionAsync(Function, "2", CancellationToken.None);

        Assert.Equal(["$LATEST", "1", "3", "4", "5", "6"], (await lambda.ListVersionsByFunctionAsync(Function, CancellationToken.None)).Select(v => v.Version));
        Assert.Contains(emulator.Requests.All, r => r.Operation == "DeleteFunction");
    }

    [Fact]
    public async Task DeleteFunction_VersionWhoseAssociationWasJustRemoved_IsRefusedAsReplicatedUntilTheReplicasAreGone()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);
        var arn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules";
        emulator.Simulation.CloudFront.ChangeOutsidePortal(EmulatorSeed.DistributionId, new DistributionConfigChange
        {
            CacheBehaviors = ["*", "/video/*"],
            Functions = new Dictionary<string, string?> { ["origin-request"] = arn + ":5", ["origin-response"] = arn + ":5" },
        });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.DeleteFunctionAsync(Function, "6", CancellationToken.None));
        emulator.Clock.Advance(emulator.Simulation.Options.ReplicaRetention);
        await lambda.DeleteFunctionAsync(Function, "6", CancellationToken.None);

        Assert.Equal(("InvalidParameterValueException", 400), (error.Code, error.StatusCode));
        Assert.Contains($"Lambda was unable to delete {arn}:6 because it is a replicated function.", error.Message);
        Assert.DoesNotContain("6", (await lambda.ListVersionsByFunctionAsync(Function, CancellationToken.None)).Select(v => v.Version));
    }

    [Fact]
    public async Task GetFunctionConfiguration_UnknownFunction_FailsWithASentenceNamingTheCode()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();
        using var lambda = AwsTestClients.Lambda(emulator);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync("nope", null, CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.Code);
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("Lambda answered ResourceNotFoundException: the function does not exist in this account and region "
            + "(Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope)", error.Message);
    }
}

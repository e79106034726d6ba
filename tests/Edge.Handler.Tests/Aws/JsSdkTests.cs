namespace EdgePortal.Edge.Tests.Aws;

/// <summary>The emulator as the official AWS SDK for JavaScript v3 sees it (tests/js/emulator-sdk.test.mjs).</summary>
public sealed class JsSdkTests
{
    [Fact]
    public async Task OfficialJavaScriptSdk_EveryOperationAndError_ParsesAsExpected()
    {
        await using var emulator = await AwsTestClients.StartEmulatorAsync();

        var (exitCode, output) = await NodeRunner.RunAsync(emulator.BaseUri, "--test", "--test-reporter=tap", "emulator-sdk.test.mjs");

        Assert.True(exitCode == 0, "node --test emulator-sdk.test.mjs failed:\n" + output);
        Assert.Contains("# fail 0", output);
    }
}

extern alias emulator;
using emulator::EdgePortal.AwsEmulator;

namespace EdgePortal.Browser.Tests;

/// <summary>
/// The AWS emulator for a test class's portal, started before the portal so its address can be in the portal's settings;
/// the portal's default credential chain finds the emulator's example keys in its environment.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private EmulatorHost? _host;

    public EmulatorHost Host => _host!;

    public IReadOnlyDictionary<string, string> PortalSettings => new Dictionary<string, string>
    {
        ["EdgePortal:AwsEndpoints:Lambda"] = Host.BaseUri.ToString(),
        ["EdgePortal:AwsEndpoints:CloudFront"] = Host.BaseUri.ToString(),
        ["EdgePortal:AwsEndpoints:Iam"] = Host.BaseUri + "iam/",
    };

    public static IReadOnlyDictionary<string, string> PortalEnvironment { get; } = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = EmulatorOptions.ExampleAccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = EmulatorOptions.ExampleSecretAccessKey,
        ["AWS_REGION"] = "us-east-1",
        // Never ask a metadata service for credentials: the only traffic is to loopback.
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public async Task InitializeAsync() => _host = await EmulatorHost.StartAsync(new EmulatorOptions());

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

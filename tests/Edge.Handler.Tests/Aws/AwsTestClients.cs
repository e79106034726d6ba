using AWSCredentials = Amazon.Runtime.AWSCredentials;
using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Aws;

/// <summary>Emulators with short delays and clients pointed at them (one attempt per call), signed with the example keys.</summary>
internal static class AwsTestClients
{
    public static readonly RetryOptions FastRetry = new()
    {
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(5),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        AttemptTimeout = TimeSpan.FromSeconds(10),
    };

    public static Task<EmulatorHost> StartEmulatorAsync(SimulationOptions? simulation = null) =>
        EmulatorHost.StartAsync(new EmulatorOptions
        {
            Simulation = simulation ?? new SimulationOptions { FunctionUpdateDelay = TimeSpan.Zero },
        });

    public static AWSCredentials ExampleCredentials => AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, EmulatorOptions.ExampleSecretAccessKey);

    public static LambdaHttpClient Lambda(EmulatorHost emulator, AWSCredentials? credentials = null) =>
        new(AwsClientOptions.ForEmulator(emulator.BaseUri), credentials ?? ExampleCredentials);

    public static CloudFrontHttpClient CloudFront(EmulatorHost emulator, AWSCredentials? credentials = null) =>
        new(AwsClientOptions.ForEmulator(emulator.BaseUri), credentials ?? ExampleCredentials);

    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "aws", name);
}

using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Publishing;
using EdgePortal.Edge.Shipping;
using EdgePortal.Edge.Shipping.Http;
using EdgePortal.Edge.Simulation;

namespace EdgePortal.Edge.Tests.Publishing;

/// <summary>
/// An emulator with its seed (edge-rules versions 1 to 6, distribution EDFDVBD6EXAMPLE on version 6), the real
/// HTTP clients pointed at it, a store, and fake time shared by the publisher, the clients' retries and the emulator.
/// </summary>
public sealed class EmulatorWorld : IAsyncDisposable
{
    public const string SeedArn = "arn:aws:lambda:us-east-1:123456789012:function:edge-rules:6";

    public static readonly PublisherOptions FastOptions = new()
    {
        MaxAttempts = 3,
        FunctionReadyTimeout = TimeSpan.FromSeconds(30),
    };

    private readonly LambdaHttpClient _lambda;
    private readonly CloudFrontHttpClient _cloudFront;
    private readonly IamHttpClient _iam;

    private EmulatorWorld(EmulatorHost emulator)
    {
        Emulator = emulator;
        Time = new JumpingTimeProvider(emulator.Clock);
        var retry = new RetryPolicy(new RetryOptions
        {
            MaxAttempts = 3,
            BaseDelay = TimeSpan.FromSeconds(1),
            ConflictWait = TimeSpan.FromSeconds(2),
            MaxConflictWaits = 3,
            AttemptTimeout = TimeSpan.FromSeconds(1),
        }, Time);
        var credentials = AwsCredentialsFactory.FromKeys(EmulatorOptions.ExampleAccessKeyId, EmulatorOptions.ExampleSecretAccessKey);
        _lambda = new LambdaHttpClient(AwsClientOptions.ForEmulator(emulator.BaseUri), credentials, retry);
        _cloudFront = new CloudFrontHttpClient(AwsClientOptions.ForEmulator(emulator.BaseUri), credentials, retry);
        CloudFront = new CountingCloudFront(_cloudFront);
        _iam = new IamHttpClient(AwsClientOptions.ForEmulator(emulator.BaseUri), credentials, retry);
        Clients = new ShippingClients(_lambda, CloudFront) { Iam = _iam };
    }

    public EmulatorHost Emulator { get; }

    public JumpingTimeProvider Time { get; }

    public CountingCloudFront CloudFront { get; }

    public ShippingClients Clients { get; }

    public InMemoryDeploymentStore Store { get; } = new();

    public AwsSimulation Simulation => Emulator.Simulation;

    public FaultInjector Faults => Emulator.Faults;

    public Target Target { get; } = new()
    {
        Name = "production",
        FunctionName = EmulatorSeed.FunctionName,
        DistributionId = EmulatorSeed.DistributionId,
        CacheBehaviors = ["*", "/api/*"],
    };

    /// <param name="captureRequests">Keep every request in <see cref="EmulatorHost.Requests"/> (to assert what was not sent).</param>
    public static async Task<EmulatorWorld> StartAsync(SimulationOptions? simulation = null, bool captureRequests = false)
    {
        var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { CaptureRequests = captureRequests, Simulation = simulation ?? new SimulationOptions() });
        // The first requests to a new emulator pay for start-up; keep that out of the tight per-attempt timeout.
        using (var warmUp = new HttpClient())
        {
            await warmUp.GetAsync(emulator.BaseUri);
        }
        return new EmulatorWorld(emulator);
    }

    public Publisher Publisher(IDeploymentStore? store = null, PublisherOptions? options = null)
        => new(store ?? Store, new FixedClients(Clients), options ?? FastOptions, Time);

    public PublishRequest Request(string revision, IReadOnlyList<string>? paths = null, GeoRestrictionSetting? geo = null)
    {
        var zip = EmulatorSeed.Zip($"// revision {revision}\n");
        return new PublishRequest
        {
            Target = Target,
            RevisionId = revision,
            PackageZip = zip,
            CodeSha256 = PackageHash.CodeSha256(zip),
            InvalidationPaths = [.. paths ?? ["/index.html", "/api/*"]],
            GeoRestriction = geo,
        };
    }

    public async Task<Deployment> PublishAsync(PublishRequest request, Publisher? publisher = null)
    {
        publisher ??= Publisher();
        var deployment = await publisher.CreateAsync(request, default);
        return await publisher.RunAsync(deployment.Id, null, default);
    }

    public string ConfigXml => Simulation.CloudFront.GetDistributionConfig(Target.DistributionId).ConfigXml;

    /// <summary>The version ARN a behaviour's event type points at now.</summary>
    public string? Associated(string behavior = "*", string eventType = "origin-request")
        => DistributionConfigEditor.AssociatedFunction(ConfigXml, behavior, eventType);

    public IReadOnlyList<VersionRecord> Versions => Simulation.ToSnapshot().Functions.Single(f => f.Name == Target.FunctionName).Versions;

    public IReadOnlyList<InvalidationRecord> Invalidations => Simulation.ToSnapshot().Distributions.Single(d => d.Id == Target.DistributionId).Invalidations;

    public DistributionRecord Distribution => Simulation.ToSnapshot().Distributions.Single(d => d.Id == Target.DistributionId);

    public async ValueTask DisposeAsync()
    {
        _lambda.Dispose();
        _cloudFront.Dispose();
        _iam.Dispose();
        await Emulator.DisposeAsync();
    }
}

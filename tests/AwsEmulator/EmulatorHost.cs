using EdgePortal.Edge.Simulation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EdgePortal.AwsEmulator;

/// <summary>A running emulator: its address, the simulation behind it, its faults, its request log and its clock.</summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri baseUri, AwsSimulation simulation, FaultInjector faults, RequestLog requests, EmulatorClock clock)
    {
        _app = app;
        BaseUri = baseUri;
        Simulation = simulation;
        Faults = faults;
        Requests = requests;
        Clock = clock;
    }

    public Uri BaseUri { get; }

    public AwsSimulation Simulation { get; }

    public FaultInjector Faults { get; }

    public RequestLog Requests { get; }

    public EmulatorClock Clock { get; }

    /// <summary>Starts an emulator in this process (port 0 in <see cref="EmulatorOptions.Url"/> picks a free port).</summary>
    public static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null, string[]? args = null, CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [] });
        if (args is null || !args.Any(a => a.StartsWith("--urls", StringComparison.Ordinal)))
        {
            builder.WebHost.UseUrls(options.Url);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var clock = new EmulatorClock();
        var simulation = new AwsSimulation(options.Simulation, clock);
        if (options.Seed)
        {
            EmulatorSeed.Apply(simulation);
        }

        var faults = new FaultInjector();
        var requests = new RequestLog();
        var credentials = new CredentialStore(options.Credentials);
        var pipeline = new EmulatorPipeline(options, simulation, faults, requests, new SignatureVerifier(credentials, options.AllowedClockSkew, TimeProvider.System));
        var app = builder.Build();
        app.UseRouting();
        app.Use(pipeline.InvokeAsync);
        CloudFrontEndpoints.Map(app, simulation);
        LambdaEndpoints.Map(app, simulation);
        StsEndpoints.Map(app, credentials, simulation);
        IamEndpoints.Map(app, simulation);
        AdminEndpoints.Map(app, simulation, faults, requests, clock);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("The emulator started without an address.");
        return new EmulatorHost(app, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), simulation, faults, requests, clock);
    }

    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

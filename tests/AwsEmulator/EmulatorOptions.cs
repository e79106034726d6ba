using EdgePortal.Edge.Simulation;

namespace EdgePortal.AwsEmulator;

/// <summary>How an emulator starts: where it listens, which keys it accepts, the simulation's delays and whether to seed it.</summary>
public sealed record EmulatorOptions
{
    public const string ExampleAccessKeyId = "AKIDEXAMPLE";

    public const string ExampleSecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>Port 0 picks a free port.</summary>
    public string Url { get; init; } = "http://127.0.0.1:0";

    public SimulationOptions Simulation { get; init; } = new();

    /// <summary>Access key id to secret; requests signed with anything else are refused as AWS refuses them.</summary>
    public IReadOnlyDictionary<string, string> Credentials { get; init; } =
        new Dictionary<string, string> { [ExampleAccessKeyId] = ExampleSecretAccessKey };

    /// <summary>Seed the function edge-rules and the distribution EDFDVBD6EXAMPLE.</summary>
    public bool Seed { get; init; } = true;

    /// <summary>Keep every request (for comparing what two clients send).</summary>
    public bool CaptureRequests { get; init; } = true;

    /// <summary>How far a request's X-Amz-Date may be from now, as AWS allows.</summary>
    public TimeSpan AllowedClockSkew { get; init; } = TimeSpan.FromMinutes(15);
}

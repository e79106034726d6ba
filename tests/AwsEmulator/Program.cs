using EdgePortal.AwsEmulator;
using EdgePortal.Edge.Simulation;

// Standalone: dotnet run --project tests/AwsEmulator -- --urls http://127.0.0.1:PORT
//   [--propagation-delay SECONDS] [--invalidation-delay SECONDS] [--function-update-delay SECONDS]
var settings = new ConfigurationBuilder().AddCommandLine(args, new Dictionary<string, string>
{
    ["--propagation-delay"] = "PropagationDelay",
    ["--invalidation-delay"] = "InvalidationDelay",
    ["--function-update-delay"] = "FunctionUpdateDelay",
}).Build();
var defaults = new SimulationOptions();
var simulation = defaults with
{
    PropagationDelay = Seconds("PropagationDelay", defaults.PropagationDelay),
    InvalidationDelay = Seconds("InvalidationDelay", defaults.InvalidationDelay),
    FunctionUpdateDelay = Seconds("FunctionUpdateDelay", defaults.FunctionUpdateDelay),
};

await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { Simulation = simulation }, args);
Console.WriteLine($"AWS emulator listening on {emulator.BaseUri} (access key {EmulatorOptions.ExampleAccessKeyId}); "
    + $"function {EmulatorSeed.FunctionName}, distribution {EmulatorSeed.DistributionId}. Ctrl+C stops it.");
await emulator.WaitForShutdownAsync();

TimeSpan Seconds(string key, TimeSpan fallback) =>
    settings[key] is { } text
        ? double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--{key}: '{text}' is not a number of seconds.")
        : fallback;

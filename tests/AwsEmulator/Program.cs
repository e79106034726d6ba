using EdgePortal.AwsEmulator;

// Standalone: dotnet run --project tests/AwsEmulator -- --urls http://127.0.0.1:PORT
await using var emulator = await EmulatorHost.StartAsync(new EmulatorOptions(), args);
Console.WriteLine($"AWS emulator listening on {emulator.BaseUri} (access key {EmulatorOptions.ExampleAccessKeyId}); "
    + $"function {EmulatorSeed.FunctionName}, distribution {EmulatorSeed.DistributionId}. Ctrl+C stops it.");
await emulator.WaitForShutdownAsync();

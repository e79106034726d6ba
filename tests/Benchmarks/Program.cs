using EdgePortal.Benchmarks;

// dotnet run -c Release --project tests/Benchmarks -- handler [--seconds N] [--rules N] [--keep DIR]
// dotnet run -c Release --project tests/Benchmarks -- package --rules N --out FILE
// dotnet run -c Release --project tests/Benchmarks -- audit
return args.FirstOrDefault() switch
{
    null or "handler" => await HandlerBenchmark.RunAsync(args.Skip(1).ToArray()),
    "package" => PackageCommand.Run(args.Skip(1).ToArray()),
    "editor" => await EdgePortal.Benchmarks.Editor.EditorBenchmark.RunAsync(),
    "audit" => await EdgePortal.Benchmarks.Audit.AuditBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Benchmarks handler [--seconds N] [--rules N] [--keep DIR] | package --rules N --out FILE [--seed S] [--revision ID]");
    return 2;
}

if (args is ["editor", ..]) { Environment.Exit(await EdgePortal.Benchmarks.Editor.EditorBenchmark.RunAsync()); }
Console.WriteLine("benchmarks: see docs/performance.md");

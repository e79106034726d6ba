Console.WriteLine("benchmarks: see docs/performance.md");

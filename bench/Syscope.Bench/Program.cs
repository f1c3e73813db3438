using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Syscope.Bench.FormatBenchmarks).Assembly).Run(args);

using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "report") return Syscope.Bench.ReportBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "report-browser") return Syscope.Bench.ReportBrowserBench.Run(args[1..]);
if (args.Length > 0 && args[0] == "ebpf-capture") return Syscope.Bench.EbpfCapture.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Syscope.Bench.FormatBenchmarks).Assembly).Run(args);
return 0;

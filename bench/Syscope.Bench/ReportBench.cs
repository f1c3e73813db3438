using System.Diagnostics;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Output;
using Syscope.Output.Report;
using Syscope.Tracing;

namespace Syscope.Bench;

/// <summary>
/// `Syscope.Bench report [CALLS] [THREADS]`: CALLS decoded calls (the <see cref="CallMix"/>, one
/// in eight failing, latencies spread over four orders of magnitude, over THREADS threads) through
/// the call pipeline into the report's collector, then the HTML written to a file; prints the
/// time of each stage and the file's size.  The target is a million calls in under 10 s.
/// </summary>
public static class ReportBench
{
    public static int Run(string[] args)
    {
        int calls = args.Length > 0 ? int.Parse(args[0]) : 1_000_000, threads = args.Length > 1 ? int.Parse(args[1]) : 8;
        var facts = LiveFacts.Instance;
        var options = new StraceOptions();
        var report = new ReportCollector(facts.Host);
        var pipeline = new CallAssembler(options.Filter, options.Decode, facts, report);
        var clock = Stopwatch.StartNew();
        Feed(pipeline, calls, threads);
        pipeline.Complete();
        var collected = clock.Elapsed;
        string path = Path.Combine(Path.GetTempPath(), $"syscope-report-bench-{Environment.ProcessId}.html");
        try
        {
            clock.Restart();
            using (var file = File.Create(path)) HtmlReport.Write(file, report, "bench");
            var written = clock.Elapsed;
            Console.WriteLine($"{calls} calls: collected in {collected.TotalSeconds:0.00} s, HTML written in {written.TotalSeconds:0.00} s, " +
                $"total {(collected + written).TotalSeconds:0.00} s; {new FileInfo(path).Length / 1e6:0.0} MB ({new FileInfo(path).Length / (double)calls:0.0} bytes a call)");
        }
        finally { File.Delete(path); }
        return 0;
    }

    /// <summary>Feeds consumer the run: THREADS threads of process 1000 started, then CALLS calls
    /// of the <see cref="CallMix"/> spread over them, one in eight failing, latencies spread over
    /// four orders of magnitude (100 ns to 1 ms).  Not completed.</summary>
    internal static void Feed(ITraceConsumer consumer, int calls, int threads)
    {
        var memory = CallMix.Memory();
        var mix = CallMix.Events();
        long now = 1_000_000_000;
        for (int t = 0; t < threads; t++)
        {
            var started = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = t == 0 ? AttachKind.Launched : AttachKind.Followed, Tid = 1000 + t, Tgid = 1000, RelatedTid = 1000, TimeNs = now };
            consumer.OnEvent(ref started, memory);
        }
        var random = new Random(1);
        for (int i = 0; i < calls; i++)
        {
            var e = mix[i % mix.Length];
            e.Tid = 1000 + i % threads;
            e.Kind = TraceEventKind.SyscallEntry;
            e.TimeNs = now;
            consumer.OnEvent(ref e, memory);
            now += (long)Math.Pow(10, 2 + random.NextDouble() * 4);
            e.Kind = TraceEventKind.SyscallExit;
            e.EntryTimeNs = e.TimeNs;
            e.TimeNs = now;
            if (i % 8 == 7) e.ReturnValue = -2;
            consumer.OnEvent(ref e, memory);
            now += 500;
        }
    }
}

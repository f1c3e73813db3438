using BenchmarkDotNet.Attributes;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Tracing;

namespace Syscope.Bench;

/// <summary>
/// -c's cost per call through the call pipeline (no decoding: the table only counts), with strace's
/// columns (the baseline) and with the p50..p999 columns, whose latencies go into a histogram per
/// syscall: the Ratio column is what the percentiles cost, measured in the same run.
/// Each operation is one call.
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private const int Calls = 6;

    private Counting _plain = null!, _percentiles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new Counting(["calls", "errors", "max-time"]);
        _percentiles = new Counting(["calls", "errors", "p50", "p90", "p99", "p999", "max-time"]);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public void CountCall() => _plain.Run();

    [Benchmark(OperationsPerInvoke = Calls)]
    public void CountCallWithPercentiles() => _percentiles.Run();

    /// <summary>A -c pipeline with the columns given, and the call mix to feed it.</summary>
    private sealed class Counting
    {
        private readonly ITraceConsumer _pipeline;
        private readonly SnapshotMemory _memory = CallMix.Memory();
        private readonly TraceEvent[] _events = CallMix.Events();
        private long _now = 1_000_000;

        public Counting(string[] columns)
        {
            var filter = new TraceFilter { Summary = SummaryMode.Only, SummaryColumns = columns };
            _pipeline = new CallAssembler(filter, new Decoding.DecodeOptions(), LiveFacts.Instance, new SummaryRenderer(filter, () => Stream.Null));
            var started = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 1000, Tgid = 1000 };
            _pipeline.OnEvent(ref started, _memory);
        }

        public void Run()
        {
            var events = _events;
            for (int i = 0; i < events.Length; i++)
            {
                ref var e = ref events[i];
                e.Kind = TraceEventKind.SyscallEntry;
                e.TimeNs = _now;
                _pipeline.OnEvent(ref e, _memory);
                // Latencies from 1 µs to about 1 ms, so the histogram's buckets vary.
                _now += 1000 + (_now * 7919 & 0xfffff);
                e.Kind = TraceEventKind.SyscallExit;
                e.EntryTimeNs = e.TimeNs;
                e.TimeNs = _now;
                _pipeline.OnEvent(ref e, _memory);
            }
        }
    }
}

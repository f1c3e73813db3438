using BenchmarkDotNet.Attributes;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Output;
using Syscope.Tracing;

namespace Syscope.Bench;

/// <summary>
/// -c's cost per call through the call pipeline (no decoding: the table only counts), with strace's
/// columns and with the p50..p999 columns, whose latencies go into a histogram per syscall.
/// Each operation is one call.
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private const int Calls = 6;

    [Params(false, true)]
    public bool Percentiles { get; set; }

    private ITraceConsumer _pipeline = null!;
    private SnapshotMemory _memory = null!;
    private TraceEvent[] _events = null!;
    private long _now = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _memory = CallMix.Memory();
        var filter = new TraceFilter
        {
            Summary = SummaryMode.Only,
            SummaryColumns = Percentiles ? ["calls", "errors", "p50", "p90", "p99", "p999", "max-time"] : ["calls", "errors", "max-time"],
        };
        var renderer = new SummaryRenderer(filter, () => Stream.Null);
        _pipeline = new CallAssembler(filter, new Decoding.DecodeOptions(), LiveFacts.Instance, renderer);
        var started = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 1000, Tgid = 1000 };
        _pipeline.OnEvent(ref started, _memory);
        _events = CallMix.Events();
    }

    [Benchmark(OperationsPerInvoke = Calls)]
    public void CountCall()
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

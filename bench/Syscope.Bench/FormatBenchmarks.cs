using System.Text;
using BenchmarkDotNet.Attributes;
using Syscope.Calls;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Output;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Bench;

/// <summary>
/// Decoding and formatting cost per trace line: a typical mix (openat, newfstatat, read, mmap,
/// close, rt_sigaction) goes through the decoders and a formatter (strace text, or --json) into a
/// null stream.
/// Each operation is one line, so the Mean column is time per line and Allocated is bytes per line.
/// </summary>
[MemoryDiagnoser]
public class FormatBenchmarks
{
    private const int Lines = 6;

    [Params("strace", "strace-color", "json")]
    public string Format { get; set; } = "strace";

    private ITraceConsumer _formatter = null!;
    private SnapshotMemory _memory = null!;
    private TraceEvent[] _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        _memory = CallMix.Memory();
        var output = new TraceOutput(Stream.Null, false);
        var facts = LiveFacts.Instance;
        var options = new StraceOptions { Color = Format == "strace-color" };
        ITraceRenderer renderer = Format == "json"
            ? new JsonFormatter(output, TextWriter.Null, facts.Host)
            : new StraceFormatter(options, output, TextWriter.Null, facts.Host);
        _formatter = new CallAssembler(options.Filter, options.Decode, facts, renderer);
        var started = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 1000, Tgid = 1000 };
        _formatter.OnEvent(ref started, _memory);
        _events = CallMix.Events();
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public void FormatLine()
    {
        var events = _events;
        for (int i = 0; i < events.Length; i++)
        {
            ref var e = ref events[i];
            e.Kind = TraceEventKind.SyscallEntry;
            _formatter.OnEvent(ref e, _memory);
            e.Kind = TraceEventKind.SyscallExit;
            _formatter.OnEvent(ref e, _memory);
        }
    }
}

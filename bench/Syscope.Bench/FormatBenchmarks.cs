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
    private const ulong PathAddr = 0x7ffd_0000_1000, BufAddr = 0x7ffd_0001_0000, StatAddr = 0x7ffd_0002_0000;
    private const ulong ActAddr = 0x7ffd_0003_0000, EmptyAddr = 0x7ffd_0004_0000;

    [Params("strace", "strace-color", "json")]
    public string Format { get; set; } = "strace";

    private ITraceConsumer _formatter = null!;
    private SnapshotMemory _memory = null!;
    private TraceEvent[] _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        var stat = new byte[144];
        BitConverter.TryWriteBytes(stat.AsSpan(24), 0x81a4u);
        BitConverter.TryWriteBytes(stat.AsSpan(48), 36875L);
        var act = new byte[32];
        BitConverter.TryWriteBytes(act.AsSpan(8), 0x04000000UL);
        _memory = new SnapshotMemory();
        _memory.Add(PathAddr, Encoding.ASCII.GetBytes("/usr/lib/x86_64-linux-gnu/libc.so.6\0"));
        _memory.Add(BufAddr, Encoding.ASCII.GetBytes("\x7f" + "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0 hello world, more bytes\n"));
        _memory.Add(StatAddr, stat);
        _memory.Add(ActAddr, act);
        _memory.Add(EmptyAddr, [0]);
        var output = new TraceOutput(Stream.Null, false);
        var facts = LiveFacts.Instance;
        var options = new StraceOptions { Color = Format == "strace-color" };
        ITraceRenderer renderer = Format == "json"
            ? new JsonFormatter(output, TextWriter.Null, facts.Host)
            : new StraceFormatter(options, output, TextWriter.Null, facts.Host);
        _formatter = new CallAssembler(options.Filter, options.Decode, facts, renderer);
        var started = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 1000, Tgid = 1000 };
        _formatter.OnEvent(ref started, _memory);
        _events =
        [
            Call("openat", [unchecked((ulong)-100), PathAddr, 0x80000, 0], 3),
            Call("newfstatat", [3, EmptyAddr, StatAddr, 0x1000], 0),
            Call("read", [3, BufAddr, 832], 832),
            Call("mmap", [0, 1974096, 1, 0x802, 3, 0], 0x7f12_3456_0000),
            Call("close", [3], 0),
            Call("rt_sigaction", [17, ActAddr, 0, 8], 0),
        ];
    }

    private static TraceEvent Call(string name, ulong[] args, long ret)
    {
        var e = new TraceEvent { Tid = 1000, Tgid = 1000, SyscallNumber = SyscallTable.ByName(name)!.Number, ReturnValue = ret, HasReturn = true, InterruptedSyscall = -1 };
        for (int i = 0; i < args.Length; i++) e.Args[i] = args[i];
        return e;
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

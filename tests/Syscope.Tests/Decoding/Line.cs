using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Output;
using Syscope.Syscalls;

namespace Syscope.Tests.Decoding;

/// <summary>Runs one syscall's entry and exit through its decoder and the strace formatter and
/// returns the line, with the " = " column's padding collapsed to one space.</summary>
internal static partial class Line
{
    public static string Of(string name, ulong[] args, long ret, ITraceeMemory? memory = null, DecodeOptions? options = null, ulong sp = 0, IFdPaths? fds = null)
    {
        var info = SyscallTable.ByName(name) ?? throw new ArgumentException(name);
        var ms = new MemoryStream();
        var opts = new StraceOptions { Decode = options ?? new DecodeOptions() };
        using (var output = new TraceOutput(ms, false))
        {
            var f = new TextTrace(output, opts, fds ?? new NoFds());
            f.Start(100);
            var e = new TraceEvent { Kind = TraceEventKind.SyscallEntry, Tid = 100, SyscallNumber = info.Number, InterruptedSyscall = -1, StackPointer = sp };
            for (int i = 0; i < args.Length; i++) e.Args[i] = args[i];
            memory ??= new FakeMemory();
            f.OnEvent(ref e, memory);
            e.Kind = TraceEventKind.SyscallExit;
            e.ReturnValue = ret;
            e.HasReturn = true;
            f.OnEvent(ref e, memory);
            f.Complete();
        }
        return Padding().Replace(Encoding.UTF8.GetString(ms.ToArray()).TrimEnd('\n'), ") =");
    }

    /// <summary>The same call's --json record: its arguments, typed as the decoders recorded them.</summary>
    public static JsonElement Json(string name, ulong[] args, long ret, ITraceeMemory? memory = null, DecodeOptions? options = null, IFdPaths? fds = null)
    {
        var info = SyscallTable.ByName(name) ?? throw new ArgumentException(name);
        var ms = new MemoryStream();
        var opts = new StraceOptions { Decode = options ?? new DecodeOptions() };
        using (var output = new TraceOutput(ms, false))
        {
            var facts = TextTrace.Facts(fds ?? new NoFds());
            var json = new CallAssembler(opts.Filter, opts.Decode, facts, new JsonFormatter(output, TextWriter.Null, facts.Host));
            var e = new TraceEvent { Kind = TraceEventKind.Attached, AttachKind = AttachKind.Launched, Tid = 100, Tgid = 100, ThreadCount = 1 };
            memory ??= new FakeMemory();
            json.OnEvent(ref e, memory);
            e = new TraceEvent { Tid = 100, Tgid = 100, InterruptedSyscall = -1 };
            CallEvents.Call(json, ref e, memory, info.Number, ret, args);
            json.Complete();
        }
        string line = Encoding.UTF8.GetString(ms.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Single(l => l.Contains("\"type\":\"syscall\""));
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    [GeneratedRegex(@"\) +=")]
    private static partial Regex Padding();

    public static ulong U(long v) => unchecked((ulong)v);

    /// <summary>A process with no descriptors at all, so tests never see the test runner's /proc.</summary>
    private sealed class NoFds : IFdPaths
    {
        public int PathOf(int pid, int fd, Span<byte> destination) => 0;
    }
}

/// <summary>Descriptor targets from a table: fd -> text (and -100 for the working directory).</summary>
internal sealed class FakeFds(Dictionary<int, string> targets) : IFdPaths
{
    public int PathOf(int pid, int fd, Span<byte> destination)
    {
        if (!targets.TryGetValue(fd, out var t)) return 0;
        return Encoding.UTF8.GetBytes(t, destination);
    }
}

using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output.Report;

/// <summary>
/// What the HTML report shows, gathered from the call pipeline as the trace runs: every call as a
/// compact record with its decoded line (in one growing byte arena, so a call costs no object),
/// per-syscall counts and latency histograms (a <see cref="SummaryTable"/> timed by latency), the
/// files and sockets calls touched, the failure digest, signals, and the processes with their
/// parents, programs and ends.  <see cref="HtmlReport"/> lays it out.
/// </summary>
internal sealed class ReportCollector : ITraceRenderer
{
    /// <summary>One call; Duration is -1 for one that never returns (exit), the time until it was
    /// cut for one its thread's end cut short.</summary>
    public record struct Call(int Tid, int Number, long StartNs, long DurationNs, int Errno, int LineStart, int LineLength);

    public sealed class Thread(int tid, int tgid, int parent, long firstNs)
    {
        public int Tid { get; } = tid;
        public int Tgid { get; } = tgid;
        /// <summary>The process that forked it (0 for the traced command or an attached process).</summary>
        public int Parent { get; set; } = parent;
        public long FirstNs { get; } = firstNs;
        public List<string> Programs { get; } = [];
        /// <summary>"exited with 0", "killed by SIGKILL", or null while it ran.</summary>
        public string? End { get; set; }
        public long EndNs { get; set; }
    }

    public sealed class Target(string name)
    {
        public string Name { get; } = name;
        public long Calls, Errors, BytesRead, BytesWritten, TimeNs;
    }

    public record struct SignalSeen(long TimeNs, int Tid, string Signal, string Info);

    private readonly IHostFacts _host;
    private readonly ArgWriter _line = new();
    private Call[] _calls = new Call[4096];
    private byte[] _lines = new byte[1 << 20];
    private int _lineBytes;
    private readonly Dictionary<int, Thread> _threads = new();
    private readonly TextKeyed<Target> _targets = new();

    public ReportCollector(IHostFacts host)
    {
        _host = host;
        Failures = new FailureDigest(host, () => Stream.Null);
    }

    public int CallCount { get; private set; }
    public ReadOnlySpan<Call> Calls => _calls.AsSpan(0, CallCount);
    public ReadOnlySpan<byte> Line(in Call c) => _lines.AsSpan(c.LineStart, c.LineLength);

    /// <summary>How many of the slowest calls the report lists.</summary>
    public const int SlowestKept = 50;
    /// <summary>The slowest calls so far (by index), least slow on top, and the stacks (-k) of
    /// those that had one, as trace prints them: kept as the calls come, since a stack object
    /// is reused for the next call.</summary>
    private readonly PriorityQueue<int, long> _slowest = new();
    private readonly Dictionary<int, string> _stacks = new();
    private readonly MemoryStream _stackText = new();

    /// <summary>The slowest calls, slowest first, with their stacks where recorded.</summary>
    public IEnumerable<(Call Call, string? Stack)> Slowest()
    {
        var picked = _slowest.UnorderedItems.OrderByDescending(x => x.Priority).ThenBy(x => x.Element);
        return picked.Select(x => (_calls[x.Element], _stacks.GetValueOrDefault(x.Element))).ToList();
    }

    private void KeepIfSlow(int index, long durationNs, Events.StackTrace? stack)
    {
        if (durationNs < 0) return;
        if (_slowest.Count == SlowestKept)
        {
            if (!_slowest.TryPeek(out _, out long least) || durationNs <= least) return;
            _stacks.Remove(_slowest.Dequeue());
        }
        _slowest.Enqueue(index, durationNs);
        if (stack == null || stack.Count == 0) return;
        _stackText.SetLength(0);
        var o = new TraceOutput(_stackText, false);
        StackLines.Write(o, stack);
        o.Flush();
        _stacks[index] = System.Text.Encoding.UTF8.GetString(_stackText.GetBuffer(), 0, (int)_stackText.Length);
    }
    public SummaryTable Syscalls { get; } = new(percentiles: true);
    public FailureDigest Failures { get; }
    public List<SignalSeen> Signals { get; } = [];
    public IEnumerable<Thread> Threads => _threads.Values.OrderBy(t => t.FirstNs);
    public IEnumerable<Target> Targets => _targets.Values;
    public long FirstNs { get; private set; } = long.MaxValue;
    public long LastNs { get; private set; }
    public WallClockAnchor WallClock => _host.WallClock;

    public void Attached(in TraceEvent e)
    {
        Seen(e.TimeNs);
        int parent = e.AttachKind == AttachKind.Followed ? e.RelatedTid : 0;
        // A child's first call may come before the event that says whose child it is.
        if (_threads.TryGetValue(e.Tid, out var known)) known.Parent = parent;
        else _threads[e.Tid] = new Thread(e.Tid, e.Tgid == 0 ? e.Tid : e.Tgid, parent, e.TimeNs);
    }

    private Thread ThreadOf(int tid, int tgid, long ns)
    {
        if (!_threads.TryGetValue(tid, out var t)) _threads[tid] = t = new Thread(tid, tgid == 0 ? tid : tgid, 0, ns);
        return t;
    }

    private void Seen(long ns)
    {
        if (ns <= 0) return;
        if (ns < FirstNs) FirstNs = ns;
        if (ns > LastNs) LastNs = ns;
    }

    public void Counted(AssembledCall call)
    {
        long latency = call.ExitTimeNs - call.EntryTimeNs;
        Syscalls.Record(call.Number, latency, call.Failed, latency);
        Failures.Counted(call);
        Touched(call, latency);
    }

    public void Completed(AssembledCall call)
    {
        var thread = ThreadOf(call.Tid, call.Tgid, call.EntryTimeNs);
        if (call.Number == Sys.execve && !call.Failed && call.ArgumentCount > 0 && thread.Programs.Count < 16)
            thread.Programs.Add(System.Text.Encoding.Latin1.GetString(call.Argument(0)));
        Add(call, call.HasReturn ? call.ExitTimeNs - call.EntryTimeNs : -1, call.HasReturn ? call.ExitTimeNs : call.EntryTimeNs);
    }

    public void Unfinished(AssembledCall call, CallCut cut, long nowNs)
    {
        if (cut != CallCut.Detached) Add(call, nowNs - call.EntryTimeNs, nowNs);
    }

    private void Add(AssembledCall call, long durationNs, long endNs)
    {
        Seen(call.EntryTimeNs);
        Seen(endNs);
        var w = _line;
        w.Clear();
        w.Raw(call.Syscall.NameUtf8).Raw((byte)'(').Raw(call.EntryText);
        if (call.HasReturn) w.Raw(call.ExitText);
        w.Raw(") = "u8);
        StraceFormatter.ReturnText(w, call);
        w.Raw(call.FdTarget);
        var text = w.Written;
        if (_lineBytes + text.Length > _lines.Length) Array.Resize(ref _lines, Math.Max(_lines.Length * 2, _lineBytes + text.Length));
        text.CopyTo(_lines.AsSpan(_lineBytes));
        if (CallCount == _calls.Length) Array.Resize(ref _calls, _calls.Length * 2);
        _calls[CallCount] = new Call(call.Tid, call.Number, call.EntryTimeNs, durationNs, call.Errno, _lineBytes, text.Length);
        KeepIfSlow(CallCount++, call.HasReturn ? durationNs : -1, call.Stack);
        _lineBytes += text.Length;
    }

    /// <summary>The file or socket a call worked on: its descriptor as -y/-yy show it (the text
    /// between the angle brackets), else the path it names.</summary>
    private void Touched(AssembledCall call, long latency)
    {
        var args = call.Syscall.Args;
        int n = Math.Min(args.Length, call.ArgumentCount);
        ReadOnlySpan<byte> name = default;
        for (int i = 0; i < n && name.IsEmpty; i++)
            if (args[i].Role.Kind == ArgKind.Fd) name = Bracketed(call.Argument(i));
        for (int i = 0; i < n && name.IsEmpty; i++)
            if (args[i].Role.Kind == ArgKind.Path) name = Unquoted(call.Argument(i));
        if (name.IsEmpty) return;
        var t = _targets.Key().Get(name, 0, static (text, _) => new Target(text));
        t.Calls++;
        t.TimeNs += latency;
        if (call.Failed) t.Errors++;
        else if (call.Syscall.Dump == DumpKind.Read) t.BytesRead += call.ReturnValue;
        else if (call.Syscall.Dump == DumpKind.Write) t.BytesWritten += call.ReturnValue;
    }

    private static ReadOnlySpan<byte> Bracketed(ReadOnlySpan<byte> fd)
    {
        int open = fd.IndexOf((byte)'<');
        return open > 0 && fd[^1] == '>' ? fd[(open + 1)..^1] : default;
    }

    private static ReadOnlySpan<byte> Unquoted(ReadOnlySpan<byte> path) =>
        path.Length >= 2 && path[0] == '"' && path[^1] == '"' ? path[1..^1] : default;

    public void Signal(in TraceEvent e)
    {
        Seen(e.TimeNs);
        var w = _line;
        w.Clear();
        SiginfoPrinter.Print(w, e.SigInfo);
        Signals.Add(new SignalSeen(e.TimeNs, e.Tid, SignalNames.Name(e.Signal), System.Text.Encoding.Latin1.GetString(w.Written)));
    }

    public void Ended(in TraceEvent e, bool shown)
    {
        Seen(e.TimeNs);
        var t = ThreadOf(e.Tid, e.Tgid, e.TimeNs);
        t.EndNs = e.TimeNs;
        t.End = e.Kind == TraceEventKind.Exited ? $"exited with {e.ExitCode}"
            : $"killed by {SignalNames.Name(e.Signal)}{(e.CoreDumped ? " (core dumped)" : "")}";
    }
}

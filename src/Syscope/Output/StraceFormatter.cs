using Syscope.Calls;
using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;

namespace Syscope.Output;

/// <summary>
/// Writes the trace in strace's text format.  Calls arrive assembled and decoded; this class owns
/// the layout around the arguments: pid prefixes, timestamps, the " = " column, "&lt;unfinished
/// ...&gt;" when another thread's line cuts in, "&lt;... read resumed&gt;" when the call returns,
/// and the signal and exit lines.
/// </summary>
internal sealed partial class StraceFormatter : ITraceRenderer, IDisposable
{
    private readonly StraceOptions _options;
    private readonly TextWriter _messages;
    private readonly Func<int, Stream> _openPerProcess;
    private readonly TraceOutput? _shared;
    /// <summary>Each thread's output (its own NAME.PID file with -ff).</summary>
    private readonly Dictionary<int, TraceOutput> _outputs = new();
    private readonly IHostFacts _host;
    private readonly ArgWriter _scratch = new();
    /// <summary>strace 6.1 pads pids to five columns ("[pid %5u]", "%-5u "), whatever pid_max is
    /// (systemd raises it to 4194304; a pid namespace of one's own has its own).</summary>
    private const int PidWidth = 5;
    private readonly PrefixNames _prefixNames;
    private long _lastLineTimestamp;
    private int _liveProcesses;

    /// <param name="shared">Where the trace goes (stderr or -o FILE); null with -ff.</param>
    /// <param name="messages">Where "Process N attached" and the like go: always stderr.</param>
    /// <param name="host">What the traced system answers for the layout: pid_max, the wall clock.</param>
    /// <param name="openPerProcess">Opens NAME.PID for -ff.</param>
    public StraceFormatter(StraceOptions options, TraceOutput? shared, TextWriter messages, IHostFacts host, Func<int, Stream>? openPerProcess = null)
    {
        _host = host;
        _options = options;
        _shared = shared;
        _messages = messages;
        _openPerProcess = openPerProcess ?? (_ => throw new InvalidOperationException("no per-process output"));
        _prefixNames = new PrefixNames((options.Decode.Pids & Decoding.PidDecoding.Comm) != 0, host);
        // The siginfo of signal lines is printed here; its constants follow -X too.
        _scratch.Style = options.Decode.ConstStyle;
    }

    public void Message(string text)
    {
        _shared?.Flush();
        _messages.WriteLine("syscope: " + text);
        _messages.Flush();
    }

    /// <summary>Said in the trace itself, between the lines around the loss (cutting an open line as
    /// another tracee's line would); with -ff, where no file is the whole trace's, on stderr.</summary>
    public void Lost(in TraceEvent e)
    {
        string line = LossNotice.Line(e.Loss);
        if (_shared == null)
        {
            _messages.WriteLine(line);
            _messages.Flush();
            return;
        }
        Interrupt(_shared, -1);
        _shared.Write(System.Text.Encoding.UTF8.GetBytes(line));
        _shared.EndLine();
        _shared.EndEvent();
    }

    public void Complete()
    {
        _shared?.Flush();
        foreach (var o in _outputs.Values) o.Flush();
    }

    public void Dispose()
    {
        Complete();
        if (_options.PerProcessFiles) foreach (var o in _outputs.Values) o.Dispose();
    }

    /// <summary>The output of the last thread written for: most events come from the same thread
    /// as the one before them, so most need no lookup.</summary>
    private TraceOutput? _lastOutput;
    private int _lastTid;

    private TraceOutput Output(int tid)
    {
        if (_lastOutput != null && _lastTid == tid) return _lastOutput;
        if (!_outputs.TryGetValue(tid, out var o)) _outputs[tid] = o = _shared ?? new TraceOutput(_openPerProcess(tid), false);
        _lastTid = tid;
        return _lastOutput = o;
    }

    public void Execed(in TraceEvent e) => _prefixNames.Execed(e.Tid);

    /// <summary>Counted for the pid prefix; a launched command shows from its execve on.</summary>
    public void Attached(in TraceEvent e)
    {
        _liveProcesses++;
        bool launched = e.AttachKind is AttachKind.Launched or AttachKind.Adopted;
        _prefixNames.Attached(e.Tid, launched);
        if (!launched) Output(e.Tid);
    }

    public void Entered(AssembledCall call)
    {
        var o = Output(call.Tid);
        OpenLine(o, call);
        o.EndEvent();
    }

    public void Completed(AssembledCall call)
    {
        var o = Output(call.Tid);
        if (call.Held) OpenLine(o, call);
        ResumeLine(o, call, call.ExitTimeNs);
        WriteArguments(o, call.ExitText);
        o.Write((byte)')');
        o.ReturnSeparator(_options.Column);
        WriteReturn(o, call);
        o.Write(call.FdTarget);
        if (call.HasNotes && !call.Failed) { o.Write(" ("u8); o.Write(call.Notes); o.Write((byte)')'); }
        if (call.Injected && call.InjectedArgs) o.Write(" (INJECTED: args, retval)"u8);
        else if (call.Injected) o.Write(" (INJECTED)"u8);
        else if (call.InjectedArgs) o.Write(" (INJECTED: args)"u8);
        if (call.Delayed) o.Write(" (DELAYED)"u8);
        if (_options.SyscallTimes && call.HasReturn) WriteDuration(o, call.ExitTimeNs - call.EntryTimeNs);
        o.EndLine();
        if (call.Dump.Length > 0) o.WriteLines(call.Dump);
        if (call.Stack is { } stack)
        {
            // A call that never returns shows its stack after the thread's end, as strace's does.
            if (call.HasReturn) StackLines.Write(o, stack);
            else _pendingStacks[call.Tid] = stack;
        }
        o.EndEvent();
    }

    /// <summary>-k: stacks of exit and exit_group, shown after the "+++ exited" line.</summary>
    private readonly Dictionary<int, StackTrace> _pendingStacks = new();
}

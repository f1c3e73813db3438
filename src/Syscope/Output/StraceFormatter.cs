using Syscope.Decoding;
using Syscope.Events;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Output;

/// <summary>
/// Writes events in strace's text format.  Decoders produce the argument text; this class owns the
/// layout around it: pid prefixes, timestamps, the " = " column, "&lt;unfinished ...&gt;" when
/// another tracee's line cuts in, "&lt;... read resumed&gt;" when the call returns, and the
/// signal and exit lines.
/// </summary>
public sealed partial class StraceFormatter : ITraceFormatter
{
    private const int ExitNr = 60, ExitGroupNr = 231;
    private readonly StraceOptions _options;
    private readonly TextWriter _messages;
    private readonly Func<int, Stream> _openPerProcess;
    private readonly TraceOutput? _shared;
    private readonly Dictionary<int, LineState> _lines = new();
    private readonly IHostFacts _host;
    private readonly ArgWriter _scratch = new();
    private readonly DecodeEnvironment _env;
    private readonly int _pidWidth;
    private long _lastLineTimestamp;
    private int _liveProcesses;

    private sealed class LineState(TraceOutput output) : CallText
    {
        public readonly TraceOutput Output = output;
    }

    /// <param name="shared">Where the trace goes (stderr or -o FILE); null with -ff.</param>
    /// <param name="messages">Where "Process N attached" and the like go: always stderr.</param>
    /// <param name="facts">What the traced system answers: descriptor targets for -y, pid_max, the wall clock.</param>
    /// <param name="openPerProcess">Opens NAME.PID for -ff.</param>
    public StraceFormatter(StraceOptions options, TraceOutput? shared, TextWriter messages, TraceFacts facts, Func<int, Stream>? openPerProcess = null)
    {
        _env = new DecodeEnvironment(options.Decode, facts.Fds, options.Filter);
        _host = facts.Host;
        _options = options;
        _shared = shared;
        _messages = messages;
        _openPerProcess = openPerProcess ?? (_ => throw new InvalidOperationException("no per-process output"));
        _pidWidth = facts.Host.PidMax.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        _statusFiltered = options.Filter.Status != Filtering.StatusSet.All;
        // The siginfo of signal lines is printed here; its constants follow -X too.
        _scratch.Style = options.Decode.ConstStyle;
    }

    /// <summary>With -z, -Z or status=, a line can only be judged at the call's return, so it is
    /// written whole then, never as an unfinished half.</summary>
    private readonly bool _statusFiltered;

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        switch (e.Kind)
        {
            case TraceEventKind.SyscallEntry: Entry(ref e, memory); break;
            case TraceEventKind.SyscallExit: Exit(ref e, memory); break;
            case TraceEventKind.Signal: SignalLine(ref e); break;
            case TraceEventKind.GroupStop: Whole(ref e, "--- stopped by "u8, SignalNames.NameUtf8(e.Signal), " ---"u8); break;
            case TraceEventKind.Exited or TraceEventKind.Killed: Ended(ref e); break;
            case TraceEventKind.Detached: Detached(ref e); break;
            case TraceEventKind.Attached: Attached(ref e); break;
            case TraceEventKind.Superseded: Superseded(ref e); break;
            case TraceEventKind.ExecFailed: Message("exec: " + Errno.Message((int)-e.ReturnValue)); break;
            case TraceEventKind.Message: Message(e.Message!); break;
        }
    }

    /// <summary>Counted for the pid prefix; a launched command shows from its execve on.</summary>
    private void Attached(ref TraceEvent e)
    {
        _liveProcesses++;
        if (e.AttachKind != AttachKind.Launched) State(e.Tid);
        if (e.AttachKind != AttachKind.Launched && !_options.Quiet) Message(Announcement.Attached(ref e));
    }

    public void Message(string text)
    {
        _shared?.Flush();
        _messages.WriteLine("syscope: " + text);
        _messages.Flush();
    }

    public void Complete()
    {
        _shared?.Flush();
        foreach (var s in _lines.Values) s.Output.Flush();
    }

    public void Dispose()
    {
        Complete();
        if (_options.PerProcessFiles) foreach (var s in _lines.Values) s.Output.Dispose();
    }

    private LineState State(int pid)
    {
        if (_lines.TryGetValue(pid, out var s)) return s;
        var output = _shared ?? new TraceOutput(_openPerProcess(pid), false);
        _lines[pid] = s = new LineState(output);
        return s;
    }

    private void Entry(ref TraceEvent e, ITraceeMemory memory)
    {
        var s = State(e.Tid);
        s.DecodeEntry(ref e, memory, _env);
        if (s.Suppressed || _statusFiltered) return;

        var o = s.Output;
        OpenLine(o, s, e.Tid);
        if (e.SyscallNumber is ExitNr or ExitGroupNr && !e.Injected)
        {
            // These never return (unless injected): strace completes the line at once.
            o.Write((byte)')');
            o.ReturnSeparator();
            o.Write((byte)'?');
            o.EndLine();
            s.InSyscall = false;
        }
        o.EndEvent();
    }

    private void Exit(ref TraceEvent e, ITraceeMemory memory)
    {
        var s = State(e.Tid);
        var o = s.Output;
        if (!s.EndCall(ref e)) return;
        var format = s.DecodeExit(ref e, memory, _env);
        bool failed = e.ReturnValue < 0 && e.ReturnValue >= -4095;
        if (_statusFiltered)
        {
            // A bit test, not HasFlag: with a flag computed at run time HasFlag boxed (48 B a line).
            if ((_options.Filter.Status & (failed ? Filtering.StatusSet.Failed : Filtering.StatusSet.Successful)) == 0) return;
            OpenLine(o, s, e.Tid);
        }
        ResumeLine(o, s, e.Tid, e.TimeNs);
        o.Write(s.Text.Slice(s.EntryLength));
        o.Write((byte)')');
        o.ReturnSeparator();
        WriteReturn(o, e.ReturnValue, format);
        o.Write(_env.FdTarget.Written);
        if (_env.Aux.Length > 0 && !failed) { o.Write(" ("u8); o.Write(_env.Aux.Written); o.Write((byte)')'); }
        if (e.Injected) o.Write(" (INJECTED)"u8);
        else if (e.InjectedArgs) o.Write(" (INJECTED: args)"u8);
        if (_options.SyscallTimes) WriteDuration(o, e.TimeNs - e.EntryTimeNs);
        o.EndLine();
        if (_env.Dump.Length > 0) o.WriteLines(_env.Dump.Written);
        o.EndEvent();
    }
}

using Syscope.Events;
using Syscope.Filtering;
using Syscope.Kernel;
using Syscope.Syscalls;

namespace Syscope.Calls;

/// <summary>
/// The stage between a backend and the outputs.  It pairs each thread's entry and exit, applies
/// every selection strace has (-e trace, -P, trace-fds at entry; -z, -Z and status= at the
/// return; -e signal=; -e quiet=), decodes the arguments once for all outputs, and knows the
/// calls' own rules: exit and exit_group never return, a thread may end or be let go inside a
/// call, an exit may come without its entry (attached mid-call), restart_syscall resumes an
/// interrupted call.  Outputs (<see cref="ITraceRenderer"/>) then only lay out what they get.
/// Nothing here allocates per event.
/// </summary>
internal sealed class CallAssembler : ITraceConsumer
{
    private readonly TraceFilter _filter;
    private readonly DecodeEnvironment _env;
    private readonly ITraceRenderer[] _renderers;
    private readonly Dictionary<int, AssembledCall> _threads = new();
    private readonly bool _decode;
    /// <summary>-P or trace-fds: calls are judged by their arguments at entry.</summary>
    private readonly bool _selecting;
    /// <summary>-z, -Z, status= or --min-duration: a call can only be judged at its return, so its entry is held.</summary>
    private readonly bool _statusFiltered;

    /// <param name="facts">The backend's answers about descriptors and the system, for -y, -P and decoders.</param>
    /// <param name="renderers">The outputs, served in this order.</param>
    public CallAssembler(TraceFilter filter, Decoding.DecodeOptions options, TraceFacts facts, params ITraceRenderer[] renderers)
    {
        _filter = filter;
        _env = new DecodeEnvironment(options, facts, filter) { Typed = renderers.Any(r => r.WantsTypedValues) };
        _renderers = renderers;
        _decode = renderers.Any(r => r.WantsText);
        _selecting = _env.Selector.Active;
        _statusFiltered = filter.Status != StatusSet.All || filter.MinDurationNs > 0;
    }

    public void OnEvent(ref TraceEvent e, ITraceeMemory memory)
    {
        switch (e.Kind)
        {
            case TraceEventKind.SyscallEntry: Entry(ref e, memory); break;
            case TraceEventKind.SyscallExit: Exit(ref e, memory); break;
            case TraceEventKind.Signal:
                if (e.Signal > 0 && e.Signal < _filter.Signals.Length && !_filter.Signals[e.Signal]) break;
                foreach (var r in _renderers) r.Signal(in e);
                break;
            case TraceEventKind.GroupStop:
                foreach (var r in _renderers) r.Stopped(in e);
                break;
            case TraceEventKind.Exited or TraceEventKind.Killed: Ended(ref e); break;
            case TraceEventKind.Detached: Detached(ref e); break;
            case TraceEventKind.Attached: Attached(ref e); break;
            case TraceEventKind.Superseded: Superseded(ref e); break;
            case TraceEventKind.ExecFailed: Message("exec: " + Errno.Message((int)-e.ReturnValue)); break;
            case TraceEventKind.Message: Message(e.Message ?? ""); break;
            case TraceEventKind.CallTotals:
                foreach (var r in _renderers) r.CountedTotals(e.SyscallNumber, in e.Totals);
                break;
            case TraceEventKind.Execed:
                foreach (var r in _renderers) r.Execed(in e);
                break;
            case TraceEventKind.EventsLost:
                foreach (var r in _renderers) r.Lost(in e);
                break;
        }
    }

    public void Complete()
    {
        foreach (var r in _renderers) r.Complete();
    }

    /// <summary>The thread of the last event: most events come from the same thread as the one
    /// before them (its entry, then its exit), so most need no lookup.</summary>
    private AssembledCall? _last;

    private AssembledCall Thread(int tid)
    {
        var last = _last;
        if (last != null && last.Tid == tid) return last;
        if (!_threads.TryGetValue(tid, out var call)) _threads[tid] = call = new AssembledCall(_env) { Tid = tid };
        return _last = call;
    }

    private bool ShowsStatus(StatusSet status) => (_filter.Status & status) != 0;

    private void Entry(ref TraceEvent e, ITraceeMemory memory)
    {
        var call = Thread(e.Tid);
        // Still inside its last call: only a backend that lost that call's end (the eBPF ring was
        // full) reports a new entry first; the call shows as cut short, its line closed.
        if (call.InSyscall && Cut(call) is { } lost) foreach (var r in _renderers) r.Unfinished(lost, CallCut.Lost, e.TimeNs);
        call.Enter(ref e, held: _statusFiltered);
        if (!_filter.Trace.Contains(e.SyscallNumber) || _selecting && !_env.Selector.Selects(call.Syscall, ref e.Args, e.Tid, memory))
        {
            call.Suppressed = true;
            return;
        }
        if (_decode) call.DecodeEntry(ref e, memory);
        if (e.SyscallNumber is Sys.exit or Sys.exit_group && !e.Injected)
        {
            // These never return (unless injected): the call is complete as it starts.
            call.NeverReturns();
            if (ShowsStatus(StatusSet.Unfinished) && _filter.MinDurationNs == 0) foreach (var r in _renderers) r.Completed(call);
            return;
        }
        if (!call.Held) foreach (var r in _renderers) r.Entered(call);
    }

    private void Exit(ref TraceEvent e, ITraceeMemory memory)
    {
        var call = Thread(e.Tid);
        if (!call.InSyscall)
        {
            // The entry was never seen (attached mid-call): the call is its exit half alone.
            if (!_filter.Trace.Contains(e.SyscallNumber)) return;
            call.EnterAtExit(ref e, held: _statusFiltered);
        }
        call.Return(ref e);
        if (call.Suppressed) return;
        if (_decode) call.DecodeExit(ref e, memory);
        foreach (var r in _renderers) r.Counted(call);
        if (!ShowsStatus(call.Failed ? StatusSet.Failed : StatusSet.Successful)) return;
        if (call.ExitTimeNs - call.EntryTimeNs < _filter.MinDurationNs) return;
        foreach (var r in _renderers) r.Completed(call);
    }

    /// <summary>The call a thread is inside, if it is one to show as cut short.</summary>
    private AssembledCall? CutCall(int tid, StatusSet status = StatusSet.Unfinished) =>
        _threads.TryGetValue(tid, out var call) && call.InSyscall ? Cut(call, status) : null;

    /// <summary>Takes the thread out of its call; the call if it is one to show as cut short (-e
    /// status=unfinished, or =detached for a call cut by syscope letting the thread go).</summary>
    private AssembledCall? Cut(AssembledCall call, StatusSet status = StatusSet.Unfinished)
    {
        call.InSyscall = false;
        // --min-duration shows calls that took that long: one cut short has no duration.
        return call.Suppressed || !ShowsStatus(status) || _filter.MinDurationNs > 0 ? null : call;
    }

    private void Ended(ref TraceEvent e)
    {
        if (CutCall(e.Tid) is { } call) foreach (var r in _renderers) r.Unfinished(call, CallCut.Exited, e.TimeNs);
        _threads.Remove(e.Tid);
        _last = null;
        // strace says "+++ killed by SIG +++" only for a signal in -e signal=, as it shows its delivery.
        bool signalShown = e.Kind != TraceEventKind.Killed || e.Signal <= 0 || e.Signal >= _filter.Signals.Length || _filter.Signals[e.Signal];
        bool shown = (_filter.Quiet & QuietSet.Exit) == 0 && signalShown;
        foreach (var r in _renderers) r.Ended(in e, shown);
    }

    private void Detached(ref TraceEvent e)
    {
        bool announce = (_filter.Quiet & QuietSet.Attach) == 0;
        // Said like the attach, to every output: -c alone says it too, once per thread, as strace.
        // strace says it first, into the open line on a shared stderr, then ends that line
        // " <detached ...>".
        if (announce) Message($"Process {e.Tid} detached");
        if (CutCall(e.Tid, StatusSet.Detached) is { } call) foreach (var r in _renderers) r.Unfinished(call, CallCut.Detached, e.TimeNs);
        foreach (var r in _renderers) r.Detached(in e, announce);
    }

    private void Attached(ref TraceEvent e)
    {
        if (e.AttachKind != AttachKind.Launched && (_filter.Quiet & QuietSet.Attach) == 0)
            Message(e.AttachKind == AttachKind.Seized && e.ThreadCount > 1
                ? $"Process {e.Tid} attached with {e.ThreadCount} threads" : $"Process {e.Tid} attached");
        foreach (var r in _renderers) r.Attached(in e);
    }

    /// <summary>A thread other than the leader exec'd: the kernel ended every other thread, so
    /// the leader's own call never returns, and the execve goes on under the leader's id.</summary>
    private void Superseded(ref TraceEvent e)
    {
        if (CutCall(e.Tid) is { } cut) foreach (var r in _renderers) r.Unfinished(cut, CallCut.Superseded, e.TimeNs);
        if (_threads.Remove(e.RelatedTid, out var call))
        {
            call.Tid = e.Tid;
            _threads[e.Tid] = call;
        }
        _last = null;
        // strace's thread-execve and superseded are two names of one quiet flag.
        bool shown = (_filter.Quiet & (QuietSet.Superseded | QuietSet.ThreadExecve)) == 0;
        foreach (var r in _renderers) r.Superseded(in e, shown);
    }

    private void Message(string text)
    {
        foreach (var r in _renderers) r.Message(text);
    }
}

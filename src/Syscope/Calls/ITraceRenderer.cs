using Syscope.Events;

namespace Syscope.Calls;

/// <summary>How a call in progress was cut short.</summary>
internal enum CallCut : byte
{
    /// <summary>The thread exited or was killed inside the call.</summary>
    Exited,
    /// <summary>The tracer let the thread go while it was inside the call.</summary>
    Detached,
    /// <summary>Another thread of the process exec'd: the kernel ended this one, the call never returns.</summary>
    Superseded,
    /// <summary>The thread entered its next call: the backend lost this one's end (a full ring
    /// buffer, said by an EventsLost event), so its result is unknown.</summary>
    Lost,
}

/// <summary>
/// An output of the trace (strace text, JSON, the -c table, why --watch): it receives calls
/// already paired, selected and decoded by the <see cref="CallAssembler"/>, and process events
/// already selected, and only lays them out.  A renderer never sees a backend; every method has
/// a default that ignores the event, so an output implements what it shows.
/// Spans and the call object are valid only during the method.
/// </summary>
internal interface ITraceRenderer
{
    /// <summary>Whether calls must be decoded into text for this output (the -c table only counts).</summary>
    bool WantsText => true;

    /// <summary>Whether decoders should also record each argument's typed value (--json): off,
    /// the text path does not copy strings aside.</summary>
    bool WantsTypedValues => false;

    /// <summary>A selected call entered, shown before its result is known (never under -z, -Z or
    /// status=, which must wait for the result: then <see cref="AssembledCall.Held"/> is set).</summary>
    void Entered(AssembledCall call) { }

    /// <summary>A selected call is complete: it returned (HasReturn), or it never returns (exit,
    /// exit_group: handed out at its entry).</summary>
    void Completed(AssembledCall call) { }

    /// <summary>A selected call was cut short: its thread ended or was let go inside it.</summary>
    void Unfinished(AssembledCall call, CallCut cut, long nowNs) { }

    /// <summary>Every call that passed the entry selection (-e trace, -P, trace-fds) and returned,
    /// whether -z/-Z/status= show it or not: strace's -c counts them all.</summary>
    void Counted(AssembledCall call) { }

    /// <summary>Calls of one syscall a backend counted itself (the eBPF backend's -c) instead of
    /// reporting each: what <see cref="Counted"/> would have seen, summed.</summary>
    void CountedTotals(int number, in CallTotals totals) { }

    /// <summary>A signal selected by -e signal= is delivered.</summary>
    void Signal(in TraceEvent e) { }

    /// <summary>The thread entered group-stop.</summary>
    void Stopped(in TraceEvent e) { }

    /// <summary>A thread came under trace (its message, if any, came first through Message).</summary>
    void Attached(in TraceEvent e) { }

    /// <summary>A thread exited or was killed; shown is false under -e quiet=exit.</summary>
    void Ended(in TraceEvent e, bool shown) { }

    /// <summary>A thread's execve or execveat succeeded, selected or not: its process runs another
    /// program now, under another name.  Comes before the execve's own return.</summary>
    void Execed(in TraceEvent e) { }

    /// <summary>A thread was let go; announce is false under -e quiet=attach.</summary>
    void Detached(in TraceEvent e, bool announce) { }

    /// <summary>A non-leader thread exec'd and took over the leader's id; shown is false under
    /// -e quiet=superseded.  The call in progress moved with it.</summary>
    void Superseded(in TraceEvent e, bool shown) { }

    /// <summary>The backend lost events here (a full ring buffer): the trace is incomplete from the
    /// last event before this one on (e.Loss says how many).</summary>
    void Lost(in TraceEvent e) { }

    /// <summary>Words for the user outside the trace: "Process N attached", "exec: ...", warnings.</summary>
    void Message(string text) { }

    /// <summary>Tracing ended: write out whatever is buffered.</summary>
    void Complete() { }
}

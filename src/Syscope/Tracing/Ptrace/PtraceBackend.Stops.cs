using System.Diagnostics;
using Syscope.Events;
using Syscope.Filtering;
using Syscope.Interop;
using Syscope.Kernel;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;
using static Syscope.Interop.Ptrace;

namespace Syscope.Tracing.Ptrace;

/// <summary>Turning one waitpid() status into events and the right resume request.</summary>
internal sealed partial class PtraceBackend
{
    private const int SyscallStop = SignalNames.SIGTRAP | 0x80;

    private void Dispatch(int pid, int status)
    {
        if (!_tracees.TryGetValue(pid, out var t))
        {
            // A new child can report its first stop before its parent's fork event does.
            if (!Wait.Stopped(status) || !_target.FollowForks)
            {
                Unknown(pid, status);
                return;
            }
            t = Add(pid, ProcessOfNewTracee(pid));
            t.AwaitingFirstStop = true;
            t.BornBeforeParentEvent = true;
        }

        if (Wait.Exited(status) || Wait.Signaled(status))
        {
            Finish(t, status);
            return;
        }
        if (!Wait.Stopped(status)) return;

        int sig = Wait.StopSig(status);
        int ev = Wait.Event(status);
        if (sig == SyscallStop)
        {
            SyscallStopped(t);
            Resume(t, 0);
        }
        else if (ev != 0)
        {
            EventStopped(t, ev, sig);
        }
        else
        {
            SignalStopped(t, sig);
        }
    }

    private void SyscallStopped(Tracee t)
    {
        if (GetSyscallInfo(t.Pid, out var info) <= 0) return;
        if (info.Op is SYSCALL_INFO_ENTRY or SYSCALL_INFO_SECCOMP) Entered(t, ref info);
        else if (info.Op == SYSCALL_INFO_EXIT) Exited(t, ref info);
    }

    private unsafe void Entered(Tracee t, ref SyscallInfoRaw info)
    {
        // Under seccomp with PTRACE_SYSCALL (the launcher), one call shows as an entry stop and then
        // a seccomp stop: the second is the same call.
        if (t.InSyscall && info.Op == SYSCALL_INFO_SECCOMP) return;
        long now = Clock.MonotonicNs();
        t.InSyscall = true;
        int prev = t.SyscallNumber;
        t.SyscallNumber = (int)info.NrOrRval;
        for (int i = 0; i < 6; i++) t.Args[i] = info.Args[i];
        t.EntryTimeNs = now;
        t.EntrySystemNs = t.SystemNs;
        if (t.Hidden && t.SyscallNumber == Sys.execve && t.Pid == _mainPid && !_launchFailed)
        {
            t.Hidden = false;   // the launcher's execve: the first line the user sees
            t.LaunchExec = true;
        }
        t.Traced = !t.Hidden && _filter.Trace.Contains(t.SyscallNumber);
        t.DetachAtStop = _target.DetachOnExecve && !t.Hidden && !t.LaunchExec && t.SyscallNumber is Sys.execve or Sys.execveat;
        if (!t.Traced) return;
        Begin(TraceEventKind.SyscallEntry, t, now);
        _event.SyscallNumber = t.SyscallNumber;
        _event.Args = t.Args;
        _event.InstructionPointer = info.InstructionPointer;
        _event.StackPointer = info.StackPointer;
        _event.InterruptedSyscall = t.SyscallNumber == Sys.restart_syscall
            ? (t.InterruptedSyscall >= 0 ? t.InterruptedSyscall : prev) : -1;
        t.InterruptedSyscall = -1;
        StackAtEntryStop(t);
        // Before the line is decoded, so a poke_enter shows in it, as strace shows it.  The launch's
        // own execve is never tampered with nor counted for when=: strace leaves it alone too.
        if (_filter.Injections.Count > 0 && !t.LaunchExec) InjectAtEntry(t);
        Emit(t);
    }

    private void Exited(Tracee t, ref SyscallInfoRaw info)
    {
        bool wasIn = t.InSyscall;
        t.InSyscall = false;
        if (wasIn) NoteMappings(t);
        if (!wasIn || !t.Traced)
        {
            t.Injecting = null;
            // An untraced execve (-e trace=read) still ends the launch: no later call is its return.
            if (wasIn) LaunchReturned(t, (long)info.NrOrRval);
            return;
        }
        Begin(TraceEventKind.SyscallExit, t, Clock.MonotonicNs());
        _event.SyscallNumber = t.SyscallNumber;
        _event.Args = t.Args;
        _event.EntryTimeNs = t.EntryTimeNs;
        _event.InstructionPointer = info.InstructionPointer;
        _event.StackPointer = info.StackPointer;
        _event.ReturnValue = (long)info.NrOrRval;
        _event.HasReturn = true;
        _event.SystemTimeNs = t.SystemNs - t.EntrySystemNs;
        StackAtExitStop(t);
        if (t.Injecting != null) InjectAtExit(t);
        Emit(t);
        _tracedCalls++;
        LaunchReturned(t, (long)info.NrOrRval);
    }

    private void LaunchReturned(Tracee t, long rv)
    {
        if (!t.LaunchExec) return;
        t.LaunchExec = false;
        if (rv < 0 && rv >= -4095)
        {
            // The command could not start: say why, and hide the launcher's exit_group.
            _launchFailed = true;
            t.Hidden = true;
            Begin(TraceEventKind.ExecFailed, t, Clock.MonotonicNs());
            _event.ReturnValue = rv;
            Emit(t);
        }
    }

    private void EventStopped(Tracee t, int ev, int sig)
    {
        switch (ev)
        {
            case EVENT_SECCOMP:
                SyscallStopped(t);
                Resume(t, 0);
                return;
            case EVENT_FORK or EVENT_VFORK or EVENT_CLONE:
                if (GetEventMessage(t.Pid, out ulong child) == 0 && !_goneBeforeParentEvent.Remove((int)child))
                {
                    if (!_tracees.TryGetValue((int)child, out var c))
                    {
                        c = Add((int)child, ev == EVENT_CLONE && CreatesThread(t) ? t.Tgid : (int)child);
                        c.AwaitingFirstStop = true;
                    }
                    c.BornBeforeParentEvent = false;
                    c.Seccomp = t.Seccomp;   // the filter is inherited across fork and clone
                    AnnounceChild((int)child, t.Pid);
                }
                Resume(t, 0);
                return;
            case EVENT_EXEC:
                if (GetEventMessage(t.Pid, out ulong former) == 0 && (int)former != t.Pid
                    && _tracees.Remove((int)former, out var old))
                {
                    // A non-leader thread exec'd: it takes over the leader's pid.
                    t.InSyscall = old.InSyscall;
                    t.SyscallNumber = old.SyscallNumber;
                    t.Args = old.Args;
                    t.EntryTimeNs = old.EntryTimeNs;
                    Begin(TraceEventKind.Superseded, t, Clock.MonotonicNs());
                    _event.RelatedTid = (int)former;
                    Emit(t);
                }
                // Read while it is stopped here: it may be gone from /proc by the time its lines are written.
                LiveHostFacts.Instance.NoteExec(t.Pid);
                if (!t.Hidden)
                {
                    Begin(TraceEventKind.Execed, t, Clock.MonotonicNs());
                    Emit(t);
                }
                Resume(t, 0);
                return;
            case EVENT_STOP:
                if (t.AwaitingFirstStop)
                {
                    t.AwaitingFirstStop = false;
                    if (TryPeekUser(t.Pid, OrigRaxOffset, out long orig) && orig >= 0) t.InterruptedSyscall = (int)orig;
                    Resume(t, 0);
                }
                else if (SignalNames.IsStopSignal(sig) && !t.Hidden)
                {
                    Begin(TraceEventKind.GroupStop, t, Clock.MonotonicNs());
                    _event.Signal = sig;
                    Emit(t);
                    t.Listening = true;
                    Request(LISTEN, t.Pid);
                }
                else
                {
                    t.Listening = false;
                    Resume(t, 0);
                }
                return;
            default:
                Resume(t, 0);
                return;
        }
    }

    /// <summary>A wait status of a process syscope does not trace.  Stopped, it is a child born traced
    /// without -f: its parent cloned it with CLONE_PTRACE, which hands a traced parent's child to the
    /// same tracer, stopped.  Left so, it would never run again, and a parent that waits for it would
    /// hang the trace: it is let go at once, as strace lets it go.  Ended, it was a child of the
    /// launcher's (CLONE_PARENT makes the launcher's parent, syscope, its parent).</summary>
    private void Unknown(int pid, int status)
    {
        QuietSet quiet;
        string message;
        if (Wait.Stopped(status))
        {
            Request(DETACH, pid, 0, 0);
            (quiet, message) = (QuietSet.Attach, $"Detached unknown pid {pid}");
        }
        else if (Wait.Exited(status) || Wait.Signaled(status)) (quiet, message) = (QuietSet.Exit, $"Exit of unknown pid {pid} ignored");
        else return;
        if ((_filter.Quiet & quiet) != 0 || _silent) return;
        _event = TraceEvent.Start(TraceEventKind.Message, pid, pid, Clock.MonotonicNs());
        _event.Message = message;
        _consumer.OnEvent(ref _event, _memory);
    }

    /// <summary>A message about a tracee, said in the middle of building its event, which is kept.</summary>
    private void Say(Tracee t, string message)
    {
        if (_silent) return;
        var pending = _event;
        _event = TraceEvent.Start(TraceEventKind.Message, t.Pid, t.Tgid, Clock.MonotonicNs());
        _event.Message = message;
        _consumer.OnEvent(ref _event, _memory);
        _event = pending;
    }

    private void AnnounceChild(int child, int parent)
    {
        if (!_tracees.TryGetValue(child, out var c) || c.Hidden || c.Announced) return;
        c.Announced = true;
        Begin(TraceEventKind.Attached, c, Clock.MonotonicNs());
        _event.AttachKind = AttachKind.Followed;
        _event.ThreadCount = 1;
        _event.RelatedTid = parent;
        Emit(c);
    }

    private void SignalStopped(Tracee t, int sig)
    {
        if (!t.Hidden)
        {
            Begin(TraceEventKind.Signal, t, Clock.MonotonicNs());
            _event.Signal = sig;
            if (GetSigInfo(t.Pid, out var si) == 0) _event.SigInfo = si;
            else _event.SigInfo = new SigInfo { Signo = sig };
            StackAtSignal(t);
            // Where the signal found the thread (strace -i prints it on the signal's line).
            if (GetSyscallInfo(t.Pid, out var where) > 0) _event.InstructionPointer = where.InstructionPointer;
            Emit(t);
        }
        Resume(t, sig);
    }

    private void Finish(Tracee t, int status)
    {
        _tracees.Remove(t.Pid);
        ProcessGone(t);
        if (t.BornBeforeParentEvent) _goneBeforeParentEvent.Add(t.Pid);
        bool killed = Wait.Signaled(status);
        if (t.Pid == _mainPid)
            _outcome = killed
                ? new TraceOutcome(128 + Wait.TermSig(status), Wait.TermSig(status), Wait.CoreDumped(status), 0)
                : new TraceOutcome(Wait.ExitStatus(status), 0, false, 0);
        if (t.Hidden && !_launchFailed) return;
        t.InSyscall = false;
        Begin(killed ? TraceEventKind.Killed : TraceEventKind.Exited, t, Clock.MonotonicNs());
        _event.ExitCode = Wait.ExitStatus(status);
        _event.Signal = killed ? Wait.TermSig(status) : 0;
        _event.CoreDumped = killed && Wait.CoreDumped(status);
        _event.HasReturn = false;
        Emit(t);
    }

    private void Begin(TraceEventKind kind, Tracee t, long now)
    {
        _event = TraceEvent.Start(kind, t.Pid, t.Tgid, now);
        // The thread's last call, which strace's -n shows on signal and exit lines too.
        _event.SyscallNumber = t.SyscallNumber;
    }

    private void Emit(Tracee t)
    {
        if (_silent) return;
        // A child seen before its parent's fork event is announced before its first line, as strace
        // announces it: the event may never come (a clone with CLONE_UNTRACED makes none).
        if (t.BornBeforeParentEvent && !t.Announced && _event.Kind != TraceEventKind.Attached) AnnounceEarly(t);
        _memory.Pid = t.Pid;
        _consumer.OnEvent(ref _event, _memory);
    }

    private void AnnounceEarly(Tracee t)
    {
        var pending = _event;
        AnnounceChild(t.Pid, t.Pid == t.Tgid ? ProcessThreads.ParentOf(t.Pid) : t.Tgid);
        _event = pending;
    }

    /// <summary>Whether the clone the stopped tracee is in makes a thread of its own process
    /// (CLONE_THREAD), read from its registers: under seccomp the call itself may not have stopped.</summary>
    private static bool CreatesThread(Tracee t)
    {
        const ulong CLONE_THREAD = 0x10000;
        const int Clone = 56, Clone3 = 435;
        if (!TryPeekUser(t.Pid, OrigRaxOffset, out long nr) || !TryPeekUser(t.Pid, RdiOffset, out long arg0)) return false;
        if (nr == Clone) return ((ulong)arg0 & CLONE_THREAD) != 0;
        // clone3: flags are the first field of struct clone_args.
        Span<byte> flags = stackalloc byte[8];
        return nr == Clone3 && ProcessVm.Read(t.Pid, (ulong)arg0, flags) == 8
            && (System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(flags) & CLONE_THREAD) != 0;
    }

    /// <summary>A tracee seen before its parent's fork event: its process, from /proc.</summary>
    private static int ProcessOfNewTracee(int tid) => ProcessThreads.TgidOf(tid);

    /// <summary>Under seccomp a tracee runs free (PTRACE_CONT) between traced calls and needs a stop
    /// only for the exit of the one it is in; the launcher is watched call by call until it execs.</summary>
    private void Resume(Tracee t, int sig)
    {
        if (t.DetachAtStop) { LetGo(t); return; }
        int request = t.Seccomp && !t.InSyscall && !t.Hidden ? CONT : SYSCALL;
        if (t.InjectSignal != 0 && sig == 0) { sig = t.InjectSignal; t.InjectSignal = 0; }
        if (t.DelayUntil > 0) { Delay(t, request, sig); return; }
        // ESRCH here only means the tracee was killed meanwhile; waitpid will report it.
        Request(request, t.Pid, 0, sig);
    }
}

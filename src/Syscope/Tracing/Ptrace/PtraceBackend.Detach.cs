using System.Diagnostics;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;
using static Syscope.Interop.Ptrace;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// Letting go cleanly.  PTRACE_DETACH needs a tracee in a ptrace-stop, so each running tracee is
/// interrupted first; whatever stop it reports, it is detached from that very stop, and a signal
/// that was about to be delivered is handed back with the detach, so nothing is lost.  A blocked
/// syscall interrupted this way is restarted by the kernel, so the tracee never sees EINTR.
/// </summary>
internal sealed partial class PtraceBackend
{
    /// <summary>-b execve: one tracee let go at its execve's entry stop, as strace does, its line
    /// left "&lt;detached ...&gt;"; it runs on untraced, and so do the programs it runs.</summary>
    private void LetGo(Tracee t)
    {
        Request(DETACH, t.Pid, 0, 0);
        _tracees.Remove(t.Pid);
        Begin(TraceEventKind.Detached, t, Clock.MonotonicNs());
        _event.SyscallNumber = t.Traced ? t.SyscallNumber : -1;
        _event.EntryTimeNs = t.EntryTimeNs;
        _event.Args = t.Args;
        Emit(t);
    }

    private void DetachAll()
    {
        // The signal goes to the command only while it is still traced: once reaped, its pid may
        // belong to another process.
        bool commandTraced = _target.Launches && _mainPid > 0 && _tracees.ContainsKey(_mainPid);
        _outcome = new TraceOutcome(_outcome.ExitCode, 0, false, Math.Max(_detachSignal, 0));
        if (_killOnExit)
        {
            // Never let go (strace's --kill-on-exit): the command gets the signal as below, and the
            // kernel kills every tracee as the tracer thread ends (PTRACE_O_EXITKILL).
            if (commandTraced && _detachSignal > 0) PassSignalToCommand();
            return;
        }
        var letGo = new List<Tracee>(_tracees.Count);
        // A tracee held back by an injected delay, or the one whose stop was being handled when that
        // failed, is already in a ptrace-stop, where PTRACE_INTERRUPT brings no new stop: it is
        // detached right away (with the signal it was to be resumed with).
        foreach (var (until, t, request, sig) in _delayed)
            if (_tracees.Remove(t.Pid))
            {
                Request(DETACH, t.Pid, 0, sig);
                letGo.Add(t);
            }
        _delayed.Clear();
        if (_dispatching != 0 && _tracees.Remove(_dispatching, out var stopped))
        {
            Request(DETACH, stopped.Pid, 0, 0);
            letGo.Add(stopped);
        }
        _dispatching = 0;
        foreach (var t in _tracees.Values.ToList())
        {
            t.DetachRequested = true;
            // ESRCH with no /proc entry: gone and reaped, so no stop will ever come to wait for
            // (a zombie still has its entry, and its exit is still to be reaped below).
            if (Request(INTERRUPT, t.Pid) == -Errno.ESRCH && !Directory.Exists($"/proc/{t.Pid}"))
                _tracees.Remove(t.Pid);
        }
        while (_tracees.Count > 0)
        {
            int pid = Wait.For(-1, out int status, Wait.Tracer);
            if (pid < 0)
            {
                if (pid == -Errno.EINTR) continue;
                break;
            }
            if (pid == _wakerPid)
            {
                _wakerPid = 0;   // reaped: the end of the thread must not signal a reused pid
                continue;
            }
            if (!_tracees.TryGetValue(pid, out var t))
            {
                Unknown(pid, status);
                continue;
            }
            if (Wait.Exited(status) || Wait.Signaled(status)) { Finish(t, status); continue; }
            if (!Wait.Stopped(status)) continue;
            int sig = Wait.StopSig(status);
            int ev = Wait.Event(status);
            int deliver = sig != (SignalNames.SIGTRAP | 0x80) && ev == 0 ? sig : 0;
            if (ev is EVENT_FORK or EVENT_VFORK or EVENT_CLONE && GetEventMessage(pid, out ulong child) == 0
                && !_tracees.ContainsKey((int)child) && !_goneBeforeParentEvent.Remove((int)child))
            {
                // A child born during the detach is auto-attached: it must be let go too.
                var c = Add((int)child, (int)child);
                c.DetachRequested = true;
                c.AwaitingFirstStop = true;
            }
            Request(DETACH, pid, 0, deliver);
            _tracees.Remove(pid);
            letGo.Add(t);
        }
        // Reported in the order they came under trace, as strace lets go of them.
        letGo.Sort((a, b) => a.AttachOrder.CompareTo(b.AttachOrder));
        foreach (var t in letGo)
        {
            if (t.Hidden) continue;
            Begin(TraceEventKind.Detached, t, Clock.MonotonicNs());
            _event.SyscallNumber = t.InSyscall ? t.SyscallNumber : -1;
            _event.EntryTimeNs = t.EntryTimeNs;   // a call still blocked counts up to now
            _event.Args = t.Args;
            Emit(t);
        }
        if (commandTraced && _detachSignal > 0) PassSignalToCommand();
    }

    /// <summary>As strace does for its own child: the fatal signal that ended the trace is passed on
    /// to the command it ran.</summary>
    private void PassSignalToCommand()
    {
        Signals.Kill(_mainPid, SignalNames.SIGCONT);
        Signals.Kill(_mainPid, _detachSignal);
    }
}

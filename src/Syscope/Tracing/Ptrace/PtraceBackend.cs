using System.Diagnostics;
using Microsoft.Win32.SafeHandles;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;
using static Syscope.Interop.Ptrace;

namespace Syscope.Tracing.Ptrace;

/// <summary>
/// The ptrace tracing backend.  Every ptrace request for a tracee must come from the thread that
/// seized it, so the whole life of a trace (launch, seize, the wait loop, detach) runs on one
/// dedicated OS thread.  It produces <see cref="TraceEvent"/>s and knows nothing of output formats.
/// </summary>
internal sealed partial class PtraceBackend : ITraceBackend
{
    private readonly TraceTarget _target;
    private ITraceConsumer _consumer = null!;
    private readonly Dictionary<int, Tracee> _tracees = new();
    /// <summary>Children that came, ran and ended before their parent's fork event was handled:
    /// that late event must not bring them back, or the trace would wait for them for ever.</summary>
    private readonly HashSet<int> _goneBeforeParentEvent = new();
    private readonly PtraceMemory _memory = new();
    private readonly int _options;
    private readonly Filtering.TraceFilter _filter;
    private readonly bool _seccomp;
    /// <summary>PTRACE_O_EXITKILL: the tracees die with the tracer thread, and are never detached.</summary>
    private readonly bool _killOnExit;
    /// <summary>Events are no longer reported (--syscall-limit reached where tracees cannot be let
    /// go, or the consumer failed); the tracees are still served until they end.</summary>
    private bool _silent;
    private long _attachOrder;
    /// <summary>The tracee whose stop is being handled; still set if handling it failed, when it
    /// sits in that stop, resumed by no one.</summary>
    private int _dispatching;
    /// <summary>-c without -w charges each call its system CPU time, which only wait4 reports.</summary>
    private readonly bool _systemTime;
    private long _tracedCalls;
    private TraceEvent _event;
    private int _mainPid;
    private int _wakerPid;
    private volatile int _detachSignal;
    private TraceOutcome _outcome;
    private Exception? _failure;

    public PtraceBackend(TraceTarget target)
    {
        _target = target;
        _filter = target.Filter;
        _options = O_TRACESYSGOOD | O_TRACEEXEC;
        if (target.FollowForks) _options |= O_TRACEFORK | O_TRACEVFORK | O_TRACECLONE;
        // Where the filter leaves calls out, a seccomp program keeps them from stopping at all.  Only
        // with -f: children inherit the filter, and an untraced child would see ENOSYS.
        _seccomp = UsesSeccomp(target);
        _systemTime = target.ChargeSystemTime || _filter.Summary != Filtering.SummaryMode.None && !_filter.SummaryWallClock;
        if (_seccomp) _options |= O_TRACESECCOMP;
        // A tracee left behind with the seccomp program and no tracer would get ENOSYS from every
        // call the program selects, forever: it must die with syscope (strace's --kill-on-exit,
        // which --seccomp-bpf turns on).  Attached processes never get the program.
        _killOnExit = target.KillOnExit || _seccomp;
        if (_killOnExit) _options |= O_EXITKILL;
    }

    /// <summary>Never with -b execve: the process let go at its exec would keep the program and
    /// get ENOSYS from every call it selects.</summary>
    public static bool UsesSeccomp(TraceTarget target) =>
        target.Launches && target.FollowForks && !target.Filter.Trace.IsAll && (target.Filter.SeccompBpf ?? true) && target.DaemonParent == 0
        && !target.DetachOnExecve;

    /// <summary>Live: the tracees are stopped while their events are decoded.</summary>
    public TraceFacts Facts => LiveFacts.Instance;

    private bool _launchFailed;

    /// <summary>Runs the trace to its end and returns how it ended: on the calling thread when that
    /// is the process's main thread, else on a dedicated one.  A tracee's /proc status shows its
    /// tracer's thread id as TracerPid and syscope's process id as PPid; strace's are the same
    /// number, and scripts (strace's own -D test) check that they are.</summary>
    public TraceOutcome Run(ITraceConsumer consumer)
    {
        _consumer = consumer;
        if (Signals.GetTid() == Signals.GetPid()) TracerThread();
        else
        {
            var thread = new Thread(TracerThread, 256 * 1024) { Name = "syscope-tracer", IsBackground = true };
            thread.Start();
            thread.Join();
        }
        if (_failure != null) throw _failure;
        return _outcome;
    }

    /// <summary>Asks the tracer thread to detach from every tracee (Ctrl-C, SIGTERM).  Safe from any
    /// thread: the tracer thread is woken by killing the waker child it waits on.  A positive signal
    /// is also passed on to a launched command, as strace does; -1 just lets everything go.</summary>
    public void RequestDetach(int signal)
    {
        if (signal > 0 || _detachSignal == 0) _detachSignal = signal;   // a signal is never forgotten
        int waker = _wakerPid;
        if (waker > 0) Signals.Kill(waker, SignalNames.SIGKILL);
    }

    private void TracerThread()
    {
        try
        {
            _wakerPid = SpawnWaker();
            // Both a command and -p PIDs, as strace allows: the command first, then the PIDs.
            if (_target.Launches) Launch();
            AttachAll();
            if (_detachSignal != 0) DetachAll();
            else Loop();
        }
        catch (Exception e)
        {
            // As strace dies when it cannot go on (an -ff file that cannot be opened): the command
            // it ran gets SIGTERM, the rest are let go, and nothing more is reported.
            _failure = e;
            _silent = true;
            _detachSignal = SignalNames.SIGTERM;
            try { DetachAll(); }
            catch (Exception) { foreach (var t in _tracees.Values) Request(DETACH, t.Pid, 0, 0); }
        }
        finally
        {
            if (_wakerPid > 0)
            {
                Signals.Kill(_wakerPid, SignalNames.SIGKILL);
                Wait.For(_wakerPid, out _, Wait.Tracer);
                _wakerPid = 0;   // reaped: a late RequestDetach must not signal a reused pid
            }
            _consumer.Complete();
        }
    }

    /// <summary>The waker reads and writes nothing: it gets /dev/null as stdin and stdout, so that it
    /// keeps no pipe of the command's open (a command closing its stdin must close the pipe).</summary>
    private static int SpawnWaker()
    {
        using var devNull = Descriptors.Open("/dev/null\0"u8, Descriptors.O_RDWR | Descriptors.O_CLOEXEC);
        int fd = devNull.IsOpen ? devNull.Value : -1;
        return Spawn.Start(LauncherStub.Path, ["syscope-waker"], LauncherStub.RuntimeIgnoredSignals, stdin: fd, stdout: fd);
    }

    private void Launch()
    {
        if (_target.DaemonParent > 0) { AdoptParent(); return; }
        // The launcher opens the seccomp program before it stops itself, so ours closes once it has stopped.
        using var seccomp = _seccomp ? Descriptors.Memfd("syscope-seccomp", SeccompFilter.Build(SeccompStops())) : null;
        var argv = new List<string>(_target.Argv.Count + 3) { "syscope-launcher", SeccompArgument(seccomp), _target.ExecutablePath! };
        argv.AddRange(_target.Argv);
        int pid = Spawn.Start(LauncherStub.Path, argv, LauncherStub.RuntimeIgnoredSignals);
        int rc = Wait.For(pid, out int status, Wait.WUNTRACED | Wait.Tracer);
        if (rc != pid || !Wait.Stopped(status))
            throw new UserError($"the launcher for {Text.UntrustedText.Quote(_target.ExecutablePath ?? "")} did not start (status {status:x})");
        int rc2 = Seize(pid, _options);
        if (rc2 < 0)
        {
            // Nothing may stay behind stopped: the launcher has not exec'd anything yet.
            Signals.Kill(pid, SignalNames.SIGKILL);
            Wait.For(pid, out _, Wait.Tracer);
            throw new UserError($"ptrace(PTRACE_SEIZE, {pid}): {Errno.Message(-rc2)}"
                + (rc2 == -Errno.EPERM ? " (is syscope itself being traced, or is ptrace restricted here?)" : ""));
        }
        _mainPid = pid;
        _target.Launched?.Invoke();
        if (_target.RunAs != null)
        {
            try
            {
                BecomeUser(pid, _target.RunAs);
                // Queue the SIGCONT (below) before it runs on, so it arrives while still hidden.
                Signals.Kill(pid, SignalNames.SIGCONT);
                Check(Request(SYSCALL, pid), "ptrace(PTRACE_SYSCALL)");   // its seize stop was used up
            }
            catch
            {
                Signals.Kill(pid, SignalNames.SIGKILL);
                Wait.For(pid, out _, Wait.Tracer);
                throw;
            }
        }
        var t = Add(pid, pid);
        t.Hidden = true;
        t.Seccomp = _seccomp;
        Begin(TraceEventKind.Attached, t, Clock.MonotonicNs());
        _event.AttachKind = AttachKind.Launched;
        _event.ThreadCount = 1;
        Emit(t);
        if (_target.RunAs == null) Signals.Kill(pid, SignalNames.SIGCONT);
    }

    /// <summary>
    /// -D: the process to trace is syscope's own first one, the caller's child, which waits until
    /// this tracer (a grandchild, or in a group or session of its own) has seized it, then execs the
    /// launcher.  It is seized running, with only exec events and death with the tracer (so it can
    /// never be left stopped); the launcher's SIGSTOP arrives as a signal stop, which is swallowed,
    /// so the caller's shell never sees a stopped job.  From there on it is a launched command.
    /// </summary>
    private void AdoptParent()
    {
        int pid = _target.DaemonParent;
        int rc = Seize(pid, O_TRACEEXEC | O_EXITKILL);
        if (rc < 0) throw new UserError($"ptrace(PTRACE_SEIZE, {pid}): {Errno.Message(-rc)}");
        _target.DaemonReady?.Invoke();
        while (true)
        {
            if (Wait.For(pid, out int status, Wait.Tracer) != pid || Wait.Exited(status) || Wait.Signaled(status))
                throw new UserError($"process {pid} ended before it could be traced");
            if (!Wait.Stopped(status)) continue;
            int sig = Wait.StopSig(status), ev = Wait.Event(status);
            if (ev == 0 && sig == SignalNames.SIGSTOP) break;
            Request(CONT, pid, 0, ev == 0 ? sig : 0);   // the exec of the launcher; a signal goes on
        }
        Check(Request(SETOPTIONS, pid, 0, _options), "ptrace(PTRACE_SETOPTIONS)");
        _mainPid = pid;
        var t = Add(pid, pid);
        t.Hidden = true;
        Begin(TraceEventKind.Attached, t, Clock.MonotonicNs());
        _event.AttachKind = AttachKind.Adopted;
        _event.ThreadCount = 1;
        Emit(t);
        Check(Request(SYSCALL, pid, 0, 0), "ptrace(PTRACE_SYSCALL)");
    }

    /// <summary>The launcher's FILTER argument: "-", or the seccomp program's path behind 'N' (root:
    /// no need for no_new_privs) or 'P' (set no_new_privs first, as the kernel requires).</summary>
    private string SeccompArgument(SafeFileHandle? program)
    {
        if (program == null) return "-";
        bool privileged = Credentials.GetEffectiveUid() == 0 && (_target.RunAs == null || _target.RunAs.Uid == 0);
        return (privileged ? "N" : "P") + LauncherStub.OwnDescriptorPath(program);
    }

    private void AttachAll()
    {
        foreach (int pid in _target.AttachPids)
        {
            var threads = ProcessThreads.Of(pid);
            int tgid = ProcessThreads.TgidOf(pid);
            foreach (int tid in threads)
            {
                if (_tracees.ContainsKey(tid)) continue;
                int rc = Seize(tid, _options);
                if (rc == -Errno.ESRCH && tid != pid) continue;   // the thread ended meanwhile
                if (rc < 0)
                {
                    foreach (var done in _tracees.Values) Request(DETACH, done.Pid, 0, 0);
                    _tracees.Clear();
                    throw new UserError($"attach: ptrace(PTRACE_SEIZE, {tid}): {Errno.Message(-rc)}");
                }
                Request(INTERRUPT, tid);
                var t = Add(tid, tgid);
                t.AwaitingFirstStop = true;
            }
            if (!_tracees.TryGetValue(pid, out var leader)) continue;
            Begin(TraceEventKind.Attached, leader, Clock.MonotonicNs());
            _event.AttachKind = AttachKind.Seized;
            _event.ThreadCount = threads.Count;
            Emit(leader);
        }
    }

    /// <summary>syscope is its pid namespace's init: orphans are its to reap.</summary>
    private static readonly bool s_reaper = Environment.ProcessId == 1;

    /// <summary>Blocks in waitpid, except while a delayed tracee is due: then it polls.</summary>
    private int WaitNext(out int status)
    {
        int dueMs = ResumeDelayed();
        int options = (s_reaper ? Wait.Reaper : Wait.Tracer) | (dueMs < 0 ? 0 : Wait.WNOHANG);
        int pid;
        if (_systemTime)
        {
            pid = Wait.ForWithSystemTime(-1, out status, options, out long ns);
            if (pid > 0 && _tracees.TryGetValue(pid, out var t)) t.SystemNs = ns;
        }
        else pid = Wait.For(-1, out status, options);
        if (pid == 0) Thread.Sleep(Math.Min(dueMs, 1));
        return pid;
    }

    private Tracee Add(int tid, int tgid)
    {
        var t = new Tracee(tid, tgid) { AttachOrder = _attachOrder++ };
        _tracees[tid] = t;
        return t;
    }

    private void Loop()
    {
        while (_tracees.Count > 0)
        {
            int pid = WaitNext(out int status);
            if (pid == 0) continue;
            if (pid < 0)
            {
                if (pid == -Errno.EINTR) continue;
                if (pid == -Errno.ECHILD) break;
                throw new SyscallException("waitpid", -pid);
            }
            if (pid == _wakerPid)
            {
                _wakerPid = 0;
                if (_detachSignal == 0) _wakerPid = SpawnWaker();
            }
            else
            {
                _dispatching = pid;
                Dispatch(pid, status);
                _dispatching = 0;
            }
            if (_detachSignal != 0) { DetachAll(); return; }
            if (_filter.SyscallLimit >= 0 && _tracedCalls >= _filter.SyscallLimit && !_silent)
            {
                // Under the seccomp program the tracees cannot be let go (they would get ENOSYS):
                // they are served, unreported, until they end.
                if (_seccomp) { _silent = true; continue; }
                _detachSignal = -1;
                DetachAll();
                return;
            }
        }
    }
}

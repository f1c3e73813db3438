using System.Diagnostics;
using Syscope.Events;
using Syscope.Interop;
using Syscope.Kernel;

namespace Syscope.Tracing.Ebpf;

internal sealed partial class EbpfBackend
{
    private const int Execve = 59;

    /// <summary>What the backend remembers of one traced thread between its records.</summary>
    private sealed class TracedThread(int tid, int tgid)
    {
        public readonly int Tid = tid;
        public int Tgid = tgid;
        public bool InSyscall;
        public int SyscallNumber;
        public SyscallArgs Args;
        public long EntryTimeNs;
        /// <summary>The launched command's execve, whose result says whether it started.</summary>
        public bool LaunchExec;
        /// <summary>The launcher before its execve (the SIGCONT that lets it go is not the
        /// command's), and after a failed one (its exit_group is not the command's either).</summary>
        public bool Hidden;
        /// <summary>The entry waits for its exit record, which brings again what faulted at entry.</summary>
        public bool EntryPending;
        public ulong EntryIp, EntrySp;
        /// <summary>Ignored signals generated while it was in a call: ptrace would have shown them
        /// when the call returned.</summary>
        public List<(int Signal, SigInfoBytes Info)>? SignalsAfterCall;
        public readonly CapturedMemory Memory = new();
        /// <summary>Memory holds a finished call's bytes: the next call's data records or entry
        /// record clear it first.</summary>
        public bool MemoryStale = true;
        /// <summary>The name its process took in the call it is in (prctl, exec): the call's own line
        /// still shows the name it had when it was made, as under ptrace.</summary>
        public CommBytes NameAfterCall;
        public bool RenamedInCall;
        /// <summary>-e kvm=vcpu: the exit reason KVM gave as the current call (a KVM_RUN) returned.</summary>
        public uint KvmExitReason;
        public bool HasKvmExit;
    }

    /// <summary>One run: the records of the ring turned into events, in ring order.</summary>
    private sealed class Session(EbpfBackend backend, BpfProbe probe, ITraceConsumer consumer, bool countsInKernel) : IRecordSink
    {
        private readonly Dictionary<int, TracedThread> _threads = new();
        /// <summary>The ids in the kernel's traced set (tgids with -f, else tids) not yet seen to end.</summary>
        private readonly HashSet<int> _live = new();
        private readonly TraceTarget _target = backend._target;
        private PausedLaunch? _launch;
        /// <summary>When the launcher was let go: under a scope the kernel also reports what it did
        /// before (syscope's child exec'ing the launcher, its SIGSTOP), which is syscope's doing,
        /// not the command's, and must neither show nor count as the command's exec.</summary>
        private ulong _launchResumedNs = ulong.MaxValue;
        private int? _launchStatus;
        private bool _launchFailed;
        private ulong _lostReported;
        private TraceEvent _event;
        private static readonly CapturedMemory s_nothing = new();
        /// <summary>--system-wide, --cgroup, --comm: the kernel picks the processes; the trace runs
        /// until interrupted or until the command (if any) ends.</summary>
        private readonly bool _scoped = backend._target.Scope != null;

        public TraceOutcome Run()
        {
            try
            {
                // Both a command and -p PIDs, as strace allows: the command first, then the PIDs.
                if (_target.Launches) Launch();
                if (!_scoped) Attach();
                return Loop();
            }
            finally
            {
                _launch?.Dispose();
            }
        }

        private void Launch()
        {
            _launch = PausedLaunch.Start(_target.ExecutablePath!, _target.Argv);
            _target.Launched?.Invoke();
            int pid = _launch.Pid;
            if (!_scoped)
            {
                probe.Trace(pid);
                _live.Add(pid);
            }
            var t = Thread(pid, pid);
            backend._names.Set(pid, pid, CommBytes.Of(Path.GetFileName(_target.ExecutablePath!)));
            Begin(TraceEventKind.Attached, t, Clock.MonotonicNs());
            _event.AttachKind = AttachKind.Launched;
            _event.ThreadCount = 1;
            Emit(t, s_nothing);
            t.Hidden = true;
            _launchResumedNs = (ulong)Clock.MonotonicNs();
            _launch.Resume();
        }

        private void Attach()
        {
            foreach (int pid in _target.AttachPids)
            {
                int tgid = ProcessThreads.TgidOf(pid);
                var threads = ProcessThreads.Of(pid);
                if (_target.FollowForks)
                {
                    probe.Trace(tgid);
                    _live.Add(tgid);
                }
                foreach (int tid in threads)
                {
                    Thread(tid, tgid);
                    if (_target.FollowForks) continue;
                    probe.Trace(tid);
                    _live.Add(tid);
                }
                // Traced from here on: a process that ended meanwhile leaves the set at once.
                if (!Directory.Exists($"/proc/{pid}")) throw new UserError($"attach: {pid}: No such process");
                var leader = Thread(pid, tgid);
                Begin(TraceEventKind.Attached, leader, Clock.MonotonicNs());
                _event.AttachKind = AttachKind.Seized;
                _event.ThreadCount = threads.Count;
                Emit(leader, s_nothing);
            }
        }

        private TraceOutcome Loop()
        {
            var ring = probe.Ring;
            var self = this;
            long nextCheck = 0;
            while (true)
            {
                ring.Wait(backend._settings.PollMs);
                ring.Drain(ref self);
                ReportLosses();
                if (backend._detachSignal != 0) return Detach(backend._detachSignal);
                if (_launch != null && _launchStatus == null) _launchStatus = _launch.TryReap();
                // A process whose exit record was lost is still known to have ended: the kernel
                // took it out of the traced set.
                if (Stopwatch.GetTimestamp() >= nextCheck)
                {
                    _live.RemoveWhere(id => !probe.IsTraced(id));
                    nextCheck = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
                }
                if (_scoped ? _launch != null && _launchStatus != null : _live.Count == 0 && (_launch == null || _launchStatus != null))
                {
                    ring.Drain(ref self);
                    ReportLosses();
                    EndOfLaunchedCommand();
                    ReportTotals();
                    return Outcome();
                }
            }
        }

        private TraceOutcome Outcome()
        {
            if (_launchStatus is not int status) return new TraceOutcome(0, 0, false, 0);
            return Wait.Signaled(status)
                ? new TraceOutcome(128 + Wait.TermSig(status), Wait.TermSig(status), Wait.CoreDumped(status), 0)
                : new TraceOutcome(Wait.ExitStatus(status), 0, false, 0);
        }

        /// <summary>Ctrl-C: every thread is let go (taken out of the traced set), and a launched
        /// command gets the signal, as strace passes it on.</summary>
        private TraceOutcome Detach(int signal)
        {
            foreach (int id in _live) probe.Untrace(id);
            var self = this;
            probe.Ring.Drain(ref self);
            ReportLosses();
            foreach (var t in _threads.Values)
            {
                if (t.EntryPending) EmitEntry(t);
                if (t.Hidden) continue;
                // Under a scope only a call in progress needs closing; processes were never attached.
                if (_scoped && !t.InSyscall) continue;
                Begin(TraceEventKind.Detached, t, Clock.MonotonicNs());
                _event.SyscallNumber = t.InSyscall ? t.SyscallNumber : -1;
                _event.EntryTimeNs = t.EntryTimeNs;
                _event.Args = t.Args;
                Emit(t, s_nothing);
            }
            ReportTotals();
            if (_launch != null && signal > 0) Signals.Kill(_launch.Pid, signal);
            _launch?.Dispose();   // it is not waited for: strace leaves its child too
            _launch = null;
            return new TraceOutcome(0, 0, false, signal > 0 ? signal : 0);
        }

        /// <summary>-c counted in the kernel: one CallTotals per syscall that was called.</summary>
        private void ReportTotals()
        {
            if (!countsInKernel) return;
            for (int nr = 0; nr < BpfLimits.MaxSyscalls; nr++)
            {
                // execve is counted for the launch even when -e trace= leaves it out.
                if (!_target.Filter.Trace.Contains(nr)) continue;
                var c = probe.ReadCounter(nr);
                if (c.Calls == 0) continue;
                _event = default;
                _event.Kind = TraceEventKind.CallTotals;
                _event.SyscallNumber = nr;
                _event.Totals = new CallTotals((long)c.Calls, (long)c.Errors, (long)c.TotalNs, (long)c.MinNs, (long)c.MaxNs);
                consumer.OnEvent(ref _event, s_nothing);
            }
        }

        /// <summary>Records the full ring refused since the last look (the kernel counts them per
        /// CPU), as one event after the records drained with them, so it stands where they went missing.</summary>
        private void ReportLosses()
        {
            ulong lost = probe.ReadRingStats().Lost;
            if (lost == _lostReported) return;
            _event = TraceEvent.Start(TraceEventKind.EventsLost, 0, 0, Clock.MonotonicNs());
            _event.Loss = new EventLoss((long)(lost - _lostReported), probe.Ring.Size);
            _lostReported = lost;
            consumer.OnEvent(ref _event, s_nothing);
        }

        public void OnRecord(BpfRecord record)
        {
            switch (record.Kind)
            {
                case RecordKind.SyscallEntry: Entered(record); break;
                case RecordKind.SyscallExit: Exited(record); break;
                case RecordKind.Fork: Forked(record.As<ForkRecord>()); break;
                case RecordKind.Exec: Execed(record.As<ExecRecord>()); break;
                case RecordKind.TaskExit: Ended(record.As<TaskExitRecord>()); break;
                case RecordKind.Signal: Signalled(record.As<SignalRecord>()); break;
                case RecordKind.Data: More(record); break;
                case RecordKind.KvmExit:
                    ref readonly var k = ref record.As<KvmExitRecord>();
                    if (_threads.TryGetValue((int)k.H.Tid, out var vcpu) && vcpu.InSyscall)
                        (vcpu.KvmExitReason, vcpu.HasKvmExit) = ((uint)k.H.Nr, k.Err >= 0);
                    break;
                case RecordKind.Comm:
                    ref readonly var c = ref record.As<CommRecord>();
                    Rename((int)c.H.Tid, (int)c.H.Tgid, c.H.Ts, c.Comm);
                    backend._names.SetPidNamespace((int)c.H.Tgid, c.PidNs);
                    break;
            }
        }

        /// <summary>Whether a record is the launcher's, before it was let go (its name is a memfd's
        /// number: the launched process goes by its command's name from the start).</summary>
        private bool ByLauncher(int tid, ulong ts) => _launch != null && tid == _launch.Pid && ts < _launchResumedNs;

        private void Rename(int tid, int tgid, ulong ts, in CommBytes comm)
        {
            if (ByLauncher(tid, ts)) return;
            if (_threads.TryGetValue(tid, out var t) && t.InSyscall)
            {
                t.NameAfterCall = comm;
                t.RenamedInCall = true;
            }
            else backend._names.Set(tid, tgid, comm);
        }

        private void TakeNewName(TracedThread t)
        {
            if (!t.RenamedInCall) return;
            t.RenamedInCall = false;
            backend._names.Set(t.Tid, t.Tgid, t.NameAfterCall);
        }

        /// <summary>Data records continue a capture of the entry or exit record that follows.</summary>
        private void More(BpfRecord record)
        {
            ref readonly var d = ref record.As<DataRecord>();
            var t = Thread((int)d.H.Tid, (int)d.H.Tgid);
            if (!t.InSyscall) FreshMemory(t);
            t.Memory.Add(d.Addr, ((ReadOnlySpan<byte>)d.Data)[..(int)Math.Min(d.Len, (uint)BpfLimits.DataChunk)]);
        }

        private static void FreshMemory(TracedThread t)
        {
            if (!t.MemoryStale) return;
            t.Memory.Clear();
            t.MemoryStale = false;
        }

        private void Entered(BpfRecord record)
        {
            ref readonly var e = ref record.As<EntryRecord>();
            var t = Thread((int)e.H.Tid, (int)e.H.Tgid);
            if (t.InSyscall)
            {
                // The last call's exit record was lost in a full ring: its entry still shows (the
                // call assembler then cuts it short), and its bytes are not this call's.
                if (t.EntryPending) EmitEntry(t);
                t.MemoryStale = true;
            }
            TakeNewName(t);   // the last call's exit was lost
            t.HasKvmExit = false;
            t.InSyscall = true;
            t.SyscallNumber = e.H.Nr;
            t.Args = e.Args;
            t.EntryTimeNs = (long)e.H.Ts;
            FreshMemory(t);
            AddCaptures(t.Memory, record, CaptureSet.All);
            if (t.Hidden && !_launchFailed && _launch != null && t.Tid == _launch.Pid && t.SyscallNumber == Execve && e.H.Ts >= _launchResumedNs)
            {
                t.LaunchExec = true;
                t.Hidden = false;   // the launcher's execve: the first line the user sees
            }
            t.EntryIp = e.Ip;
            t.EntrySp = e.Sp;
            // Memory the process had not touched yet could not be copied at entry; the exit brings
            // it, so the entry line waits for it.
            if (e.H.Flags.HasFlag(RecordFlags.Retry)) t.EntryPending = true;
            else EmitEntry(t);
        }

        /// <summary>Whether the thread's current call is reported: not the launcher's, not one the
        /// kernel made records of only for the launch (execve outside -e trace=, or under -c).</summary>
        private bool Shown(TracedThread t) => !t.Hidden && !countsInKernel && _target.Filter.Trace.Contains(t.SyscallNumber);

        private void EmitEntry(TracedThread t)
        {
            t.EntryPending = false;
            if (!Shown(t)) return;
            Begin(TraceEventKind.SyscallEntry, t, t.EntryTimeNs);
            _event.SyscallNumber = t.SyscallNumber;
            _event.Args = t.Args;
            _event.InstructionPointer = t.EntryIp;
            _event.StackPointer = t.EntrySp;
            Emit(t, t.Memory);
        }

        private void Exited(BpfRecord record)
        {
            ref readonly var x = ref record.As<ExitRecord>();
            if (!_threads.TryGetValue((int)x.H.Tid, out var t)) return;
            bool wasIn = t.InSyscall && t.SyscallNumber == x.H.Nr && !x.H.Flags.HasFlag(RecordFlags.EntryLost);
            t.InSyscall = false;
            // Without its entry (lost in a full ring), the call has no arguments to print; the
            // loss is reported.
            if (!wasIn)
            {
                TakeNewName(t);
                t.EntryPending = false;
                t.MemoryStale = true;
                SignalsAfterCall(t);
                return;
            }
            if (t.EntryPending)
            {
                AddCaptures(t.Memory, record, CaptureSet.Retried);
                EmitEntry(t);
            }
            bool shown = Shown(t);
            AddCaptures(t.Memory, record, CaptureSet.ExitOnly);
            Begin(TraceEventKind.SyscallExit, t, (long)x.H.Ts);
            _event.SyscallNumber = t.SyscallNumber;
            _event.Args = t.Args;
            _event.EntryTimeNs = t.EntryTimeNs;
            _event.ReturnValue = x.Ret;
            _event.HasReturn = true;
            _event.SystemTimeNs = (long)x.CpuNs;
            if (t.SyscallNumber == Syscalls.Sys.wait4 && x.Ret > 0) backend._names.Reaped((int)x.Ret, (long)x.H.Ts);
            (_event.KvmExitReason, _event.HasKvmExit, t.HasKvmExit) = (t.KvmExitReason, t.HasKvmExit, false);
            if (shown) Emit(t, t.Memory);
            TakeNewName(t);
            t.MemoryStale = true;
            SignalsAfterCall(t);
            if (t.LaunchExec)
            {
                t.LaunchExec = false;
                // execve was watched only for this result: its tracepoints go, so that the end of
                // the trace waits for fewer of them to be let go.
                if (!_target.Filter.Trace.Contains(Execve)) probe.StopSeeing(Execve);
                if (x.Ret is < 0 and >= -4095)
                {
                    // The command could not start: say why, and hide the launcher's exit_group.
                    _launchFailed = true;
                    t.Hidden = true;
                    Begin(TraceEventKind.ExecFailed, t, (long)x.H.Ts);
                    _event.ReturnValue = x.Ret;
                    Emit(t, s_nothing);
                }
            }
        }

        private void Forked(in ForkRecord f)
        {
            var child = Thread((int)f.ChildTid, (int)f.ChildTgid);
            backend._names.Inherit(child.Tid, child.Tgid, (int)f.H.Tid);
            if (!f.H.Flags.HasFlag(RecordFlags.Thread)) _live.Add((int)f.ChildTgid);
            Begin(TraceEventKind.Attached, child, (long)f.H.Ts);
            _event.AttachKind = AttachKind.Followed;
            _event.ThreadCount = 1;
            _event.RelatedTid = (int)f.H.Tid;
            Emit(child, s_nothing);
        }

        private void Execed(in ExecRecord e)
        {
            int tid = (int)e.H.Tid;
            Rename(tid, (int)e.H.Tgid, e.H.Ts, e.Comm);
            // Under --comm the launched command may come into the scope only by its exec (its new
            // name): from there on it shows.  (The launcher's own exec came before it was let go.)
            if (_scoped && _launch != null && tid == _launch.Pid && e.H.Ts >= _launchResumedNs && _threads.TryGetValue(tid, out var launched) && !_launchFailed)
                launched.Hidden = false;
            if ((int)e.OldTid == tid || !_threads.Remove((int)e.OldTid, out var old)) return;
            // A non-leader thread exec'd: it goes on under the leader's id, inside its execve.
            _threads.Remove(tid);
            var t = Thread(tid, (int)e.H.Tgid);
            t.InSyscall = old.InSyscall;
            t.SyscallNumber = old.SyscallNumber;
            t.Args = old.Args;
            t.EntryTimeNs = old.EntryTimeNs;
            t.LaunchExec = old.LaunchExec;
            t.NameAfterCall = e.Comm;
            t.RenamedInCall = true;
            Begin(TraceEventKind.Superseded, t, (long)e.H.Ts);
            _event.RelatedTid = (int)e.OldTid;
            Emit(t, s_nothing);
        }

        private void Ended(in TaskExitRecord x)
        {
            int tid = (int)x.H.Tid;
            // A kernel worker (KVM's), which ptrace never sees, was the process's last thread: no
            // line, only the end of the process.
            if (x.H.Flags.HasFlag(RecordFlags.Worker))
            {
                if (_target.FollowForks) _live.Remove((int)x.H.Tgid);
                return;
            }
            var t = Thread(tid, (int)x.H.Tgid);
            if (t.EntryPending) EmitEntry(t);   // exit_group and calls it died in never return
            _threads.Remove(tid);
            if (_target.FollowForks ? x.H.Flags.HasFlag(RecordFlags.GroupDead) : true) _live.Remove(_target.FollowForks ? t.Tgid : tid);
            bool processEnded = x.H.Flags.HasFlag(RecordFlags.GroupDead);
            if (!(t.Hidden && !_launchFailed)) EmitEnd(t, x.ExitCode, (long)x.H.Ts);
            backend._names.Remove(tid, t.Tgid, processEnded);
        }

        /// <summary>The end of a thread from its wait status: (code &lt;&lt; 8) | signal | 0x80 for a core.</summary>
        private void EmitEnd(TracedThread t, int status, long timeNs)
        {
            bool killed = (status & 0x7f) != 0;
            Begin(killed ? TraceEventKind.Killed : TraceEventKind.Exited, t, timeNs);
            _event.ExitCode = (status >> 8) & 0xff;
            _event.Signal = killed ? status & 0x7f : 0;
            _event.CoreDumped = killed && (status & 0x80) != 0;
            _event.SyscallNumber = -1;
            Emit(t, s_nothing);
        }

        /// <summary>The launched command's end record was lost in a full ring: its wait status still
        /// says how it ended, so the trace ends with its exit line all the same.</summary>
        private void EndOfLaunchedCommand()
        {
            if (_launch == null || _launchStatus is not int status || !_threads.TryGetValue(_launch.Pid, out var t)) return;
            if (t.EntryPending) EmitEntry(t);
            _threads.Remove(t.Tid);
            if (!t.Hidden || _launchFailed) EmitEnd(t, status, Clock.MonotonicNs());
        }

        private void Signalled(in SignalRecord s)
        {
            var t = Thread((int)s.H.Tid, (int)s.H.Tgid);
            if (t.Hidden) return;
            // An ignored signal was dropped as it was generated; under ptrace it would have shown
            // when the thread next went back to user space, after the call it is in.
            if (s.H.Flags.HasFlag(RecordFlags.Ignored) && t.InSyscall)
            {
                (t.SignalsAfterCall ??= []).Add((s.H.Nr, s.Siginfo));
                return;
            }
            EmitSignal(t, s.H.Nr, s.Siginfo, (long)s.H.Ts);
        }

        private void SignalsAfterCall(TracedThread t)
        {
            if (t.SignalsAfterCall is not { Count: > 0 } pending) return;
            foreach (var (signal, info) in pending) EmitSignal(t, signal, info, Clock.MonotonicNs());
            pending.Clear();
        }

        private void EmitSignal(TracedThread t, int signal, in SigInfoBytes info, long timeNs)
        {
            Begin(TraceEventKind.Signal, t, timeNs);
            _event.Signal = signal;
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(new ReadOnlySpan<SigInfoBytes>(in info))
                .CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(new Span<Kernel.Abi.SigInfo>(ref _event.SigInfo)));
            if (_event.SigInfo.Signo == 0) _event.SigInfo.Signo = signal;   // generated without details
            Emit(t, s_nothing);
        }

        private enum CaptureSet { All, Retried, ExitOnly }

        private static void AddCaptures(CapturedMemory memory, BpfRecord record, CaptureSet which)
        {
            var captures = record.Captures;
            while (captures.MoveNext())
            {
                bool retried = (captures.Current.Rule & BpfLimits.RuleRetry) != 0;
                if (which == CaptureSet.Retried && !retried || which == CaptureSet.ExitOnly && retried) continue;
                if (captures.Current.Flags.HasFlag(CaptureFlags.Descriptor))
                    CapturedFdPaths.Add(memory, (int)captures.Current.Addr, captures.CurrentBytes);
                else memory.Add(captures.Current.Addr, captures.CurrentBytes);
            }
        }

        private TracedThread Thread(int tid, int tgid)
        {
            if (!_threads.TryGetValue(tid, out var t)) _threads[tid] = t = new TracedThread(tid, tgid);
            return t;
        }

        private void Begin(TraceEventKind kind, TracedThread t, long timeNs)
        {
            _event = TraceEvent.Start(kind, t.Tid, t.Tgid, timeNs);
        }

        private void Emit(TracedThread t, ITraceeMemory memory)
        {
            backend._fds.Current = t.Memory;
            backend._names.At = _event.TimeNs;
            consumer.OnEvent(ref _event, memory);
        }
    }
}

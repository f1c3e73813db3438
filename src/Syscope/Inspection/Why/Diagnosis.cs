using Syscope.Decoding;
using Syscope.Events;
using Syscope.Inspection.Procfs;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Inspection.Why;

/// <summary>One thread as `why` sees it: state, the call it is blocked in, and where its fds lead.
/// Purpose, when set, says what the call waits for better than its fds can (a lock's holder, a
/// futex's kind, the children waited for); Timing is the timeout left; Stack the kernel's work in
/// state D; Leads the processes the wait depends on; CpuShare the share of a CPU it used while
/// watched for a second (running threads only).</summary>
internal sealed record ThreadReport(
    int Tid, string Comm, char State, double? OffCpuSeconds, string? Syscall, string? CallText,
    WaitKind Kind, IReadOnlyList<FdTarget> Fds, bool OutsideSyscall = false)
{
    public string? Purpose { get; init; }
    public string? Timing { get; init; }
    public string? Stack { get; init; }
    public IReadOnlyList<Lead> Leads { get; init; } = [];
    public double? CpuShare { get; init; }
    /// <summary>The thread of the same process this one waits for (a mutex's owner, a thread
    /// joined), and how, for finding deadlocks between threads; 0 when none.</summary>
    public int HeldBy { get; init; }
    public bool KernelThread { get; init; }
    public string HeldByLink { get; init; } = "";
}

/// <summary>A process diagnosed: its threads, and for a zombie or a traced process, its parent or
/// tracer (escaped "bash (PID 7)").</summary>
internal sealed record Diagnosis(ProcessEntry Process, string User, int ParentPid, IReadOnlyList<ThreadReport> Threads)
{
    public string? Parent { get; init; }
    public string? Tracer { get; init; }

    /// <summary>For a zombie, why its parent has not reaped it, from the parent's SIGCHLD disposition.</summary>
    public string? Unreaped { get; init; }

    /// <summary>A zombie waits on its parent to reap it; the chain follows that.</summary>
    public IReadOnlyList<Lead> ProcessLeads => Process.State == 'Z' && ParentPid > 0
        ? [new Lead(ParentPid, WhySession.CommandOf(ParentPid), -1, "parent", "its parent, which has not reaped it")] : [];
}

/// <summary>
/// Builds the diagnosis from /proc/PID/task/*/{stat,syscall,sched,stack}, the process's memory (for
/// poll and select sets, futex words, lock requests, timeouts), /proc/locks and the rows of
/// `files`.  Nothing here stops, signals or traces the process.
/// </summary>
internal static class Diagnoser
{
    public static Diagnosis Run(ProcessEntry process) => Run(process, new WhySession(), sampleCpu: true);

    /// <param name="sampleCpu">When a thread is running, watch it for a second to say how busy it is.</param>
    public static Diagnosis Run(ProcessEntry process, WhySession session, bool sampleCpu)
    {
        var d = Diagnose(process, session, minWait: null) ?? throw Exited(process.Pid);
        if (!sampleCpu || d.Threads.All(t => t.State != 'R')) return d;
        return d with { Threads = CpuShares.Sample(process.Pid, d.Threads.ToList()) };
    }

    /// <summary>The process's threads blocked (sleeping or in disk wait) for at least minWait
    /// seconds, or null when it has none or has exited: `why --all`.  Threads that do not qualify
    /// cost two small reads (stat and sched).</summary>
    public static Diagnosis? Blocked(ProcessEntry process, WhySession session, double minWait) => Diagnose(process, session, minWait);

    private static Diagnosis? Diagnose(ProcessEntry process, WhySession session, double? minWait)
    {
        int pid = process.Pid;
        var context = new ThreadContext(pid, ProcessTable.Threads(pid), new LiveMemory(pid), session, process, SchedNowMs());
        // One process is read whole first, so a process we may not read is reported by its fds.
        if (minWait == null) _ = context.Describer;
        var threads = new List<ThreadReport>();
        foreach (int tid in context.Tids)
        {
            var report = Thread(context, tid, minWait);
            if (report != null) threads.Add(report);
        }
        if (threads.Count == 0) return null;
        int ppid = process.Ppid;
        return new Diagnosis(process, session.NumericNames.User(process.Uid), ppid, threads)
        {
            Parent = ppid > 0 ? $"{WhySession.CommandOf(ppid)} (PID {ppid})" : null,
            Tracer = process.TracerPid > 0 ? $"{WhySession.CommandOf(process.TracerPid)} (PID {process.TracerPid})" : null,
            Unreaped = process.State == 'Z' ? Unreaped(ppid) : null,
        };
    }

    private const int SIGCHLD = 17;

    /// <summary>A parent that ignores SIGCHLD has its children reaped by the kernel; one that
    /// catches it reaps them in its handler, or should.</summary>
    private static string? Unreaped(int ppid)
    {
        if (ProcText.TryRead($"/proc/{ppid}/status") is not { } text || !ProcStatus.TryParse(text, out var st)) return null;
        ulong bit = 1UL << (SIGCHLD - 1);
        if ((st.Caught & bit) != 0) return "the parent has a SIGCHLD handler but has not called wait() for this child";
        if ((st.Ignored & bit) != 0) return "the parent ignores SIGCHLD, but only since this child exited";
        return "the parent leaves SIGCHLD at its default and has not called wait()";
    }

    /// <summary>What every thread of one process shares; the fds are described (which reads all
    /// of the process's files) only once a thread waits on one.</summary>
    private sealed class ThreadContext(int pid, List<int> tids, ITraceeMemory memory, WhySession session, ProcessEntry process, double nowMs)
    {
        public int Pid => pid;
        public List<int> Tids => tids;
        public ITraceeMemory Memory => memory;
        public WhySession Session => session;
        public double NowMs => nowMs;
        public bool KernelThread => process.IsKernelThread;
        private FdTargetDescriber? _describer;
        public FdTargetDescriber Describer => _describer ??= FdTargetDescriber.For(process, session) ?? throw Exited(pid);
    }

    private static UserError Exited(int pid) => new($"process {pid} exited while being inspected");

    private static ThreadReport? Thread(ThreadContext c, int tid, double? minWait)
    {
        int pid = c.Pid;
        string dir = $"/proc/{pid}/task/{tid}";
        if (!ProcStat.TryRead($"{dir}/stat", out var stat)) return null;
        double? offCpu = OffCpu(dir, stat.State, c.NowMs);
        if (minWait is double min && (stat.State is not ('S' or 'D') || (offCpu ?? 0) < min)) return null;
        string? stack = stat.State == 'D' ? KernelStacks.Summary(pid, tid) : null;
        if (stat.State is 'Z' or 'X' or 'T' or 't')
            return new ThreadReport(tid, stat.Comm, stat.State, offCpu, null, null, WaitKind.Other, []);
        if (c.KernelThread)
            return new ThreadReport(tid, stat.Comm, stat.State, offCpu, null, null, WaitKind.Other, []) { Stack = KernelStacks.Summary(pid, tid), KernelThread = true };
        string? text = ProcText.TryRead($"{dir}/syscall");
        if (text == null || !SyscallLine.TryParse(text, out var line))
            return new ThreadReport(tid, stat.Comm, stat.State, offCpu, null, null, WaitKind.Other, []) { Stack = stack };
        if (!line.InSyscall)
            return new ThreadReport(tid, stat.Comm, line.Running ? 'R' : stat.State, offCpu, null, null, WaitKind.Other, [], OutsideSyscall: !line.Running) { Stack = stack };
        var (memory, session, tids) = (c.Memory, c.Session, c.Tids);
        var info = SyscallTable.Resolve(line.Number);
        var waited = WaitedFds.Of(pid, info, line.Args, memory);
        var fds = waited.Count == 0 ? [] : waited.Select(c.Describer.Describe).ToList();
        string call = Render(info, pid, line.Args, memory);
        var leads = fds.Select(Lead.Of).OfType<Lead>().DistinctBy(l => l.Pid).ToList();
        string? purpose = null;
        (int Tid, string Link) holder = (0, "");
        switch (info.Number)
        {
            case Sys.futex:
                purpose = FutexWaits.Describe(pid, line.Args, memory, tids, out var owner, out holder);
                if (owner != null) leads.Add(owner);
                break;
            case Sys.flock or Sys.fcntl:
                purpose = LockWaits.Describe(pid, info, line.Args, memory, session, leads);
                break;
            case Sys.wait4 or Sys.waitid:
                purpose = ChildWaits.Describe(pid, info, line.Args, leads);
                break;
            case Sys.vfork:
                // The parent sleeps until its child execs or exits: the chain goes on to the child.
                foreach (int child in ChildWaits.Children(pid))
                    leads.Add(new Lead(child, WhySession.CommandOf(child), -1, "vfork child", "its vfork child"));
                break;
        }
        return new ThreadReport(tid, stat.Comm, stat.State, offCpu, info.Name, call, info.Waits, fds)
        {
            Purpose = purpose,
            Timing = TimedWaits.Describe(info, line.Args, memory, offCpu),
            Stack = stack,
            Leads = leads,
            HeldBy = holder.Tid,
            HeldByLink = holder.Link,
        };
    }

    /// <summary>Seconds since the thread last ran, from the scheduler's se.exec_start.</summary>
    private static double? OffCpu(string dir, char state, double nowMs)
    {
        if (state == 'R') return 0;
        string? sched = ProcText.TryRead($"{dir}/sched");
        if (sched == null || SchedText.ExecStartMs(sched) is not double startMs) return null;
        return Math.Max(0, (nowMs - startMs) / 1000);
    }

    /// <summary>"Now" on the scheduler's clock is our own se.exec_start (we are running, so the
    /// scheduler updated it within a tick): that clock can drift from CLOCK_MONOTONIC by more
    /// than a second.</summary>
    private static double SchedNowMs() =>
        ProcText.TryRead("/proc/thread-self/sched") is { } own && SchedText.ExecStartMs(own) is double ms
            ? ms : Interop.Clock.MonotonicSeconds() * 1000;

    /// <summary>The call as strace prints it on entry, through the same decoders as `trace`;
    /// arguments that only exist at exit are shown as "...".</summary>
    public static string Render(SyscallInfo info, int pid, ulong[] args, ITraceeMemory memory)
    {
        SyscallArgs raw = default;
        for (int i = 0; i < 6; i++) raw[i] = args[i];
        DecoderScratch scratch = default;
        var writer = new ArgWriter();
        var context = new DecodeContext
        {
            Syscall = info,
            Pid = pid,
            Args = ref raw,
            Memory = memory,
            Out = writer,
            Options = new DecodeOptions(),
            Scratch = ref scratch,
            Host = Tracing.LiveHostFacts.Instance,
        };
        DecoderRegistry.For(info).Entry(ref context);
        string shown = System.Text.Encoding.UTF8.GetString(writer.EntryArguments);
        if (writer.ArgCount < info.ArgCount) shown += shown.Length > 0 ? ", ..." : "...";
        return $"{info.Name}({shown})";
    }
}

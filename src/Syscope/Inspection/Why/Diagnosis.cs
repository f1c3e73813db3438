using Syscope.Decoding;
using Syscope.Events;
using Syscope.Inspection.Files;
using Syscope.Inspection.Naming;
using Syscope.Inspection.Procfs;
using Syscope.Syscalls;
using Syscope.Tracing;

namespace Syscope.Inspection.Why;

/// <summary>One thread as `why` sees it: state, the call it is blocked in, and where its fds lead.</summary>
internal sealed record ThreadReport(
    int Tid, string Comm, char State, double? OffCpuSeconds, string? Syscall, string? CallText,
    WaitKind Kind, IReadOnlyList<FdTarget> Fds, bool OutsideSyscall = false);

internal sealed record Diagnosis(ProcessEntry Process, string User, int ParentPid, IReadOnlyList<ThreadReport> Threads);

/// <summary>
/// Builds the diagnosis from /proc/PID/task/*/{stat,syscall,sched}, the process's memory (for
/// poll and select sets) and the rows of `files`.  Nothing here stops or signals the process.
/// </summary>
internal static class Diagnoser
{
    public static Diagnosis Run(ProcessEntry process)
    {
        int pid = process.Pid;
        var names = EndpointNames.FromSystem(numericHosts: true, numericPorts: true);
        var describer = FdTargetDescriber.For(process, names) ?? throw Exited(pid);
        var memory = new LiveMemory(pid);
        int ppid = ProcStat.TryRead($"/proc/{pid}/stat", out var st) ? st.Ppid : 0;
        var threads = new List<ThreadReport>();
        foreach (int tid in ProcessTable.Threads(pid))
        {
            var report = Thread(pid, tid, memory, describer);
            if (report != null) threads.Add(report);
        }
        if (threads.Count == 0) throw Exited(pid);
        return new Diagnosis(process, names.User(process.Uid), ppid, threads);
    }

    private static UserError Exited(int pid) => new($"process {pid} exited while being inspected");

    private static ThreadReport? Thread(int pid, int tid, ITraceeMemory memory, FdTargetDescriber describer)
    {
        string dir = $"/proc/{pid}/task/{tid}";
        if (!ProcStat.TryRead($"{dir}/stat", out var stat)) return null;
        double? offCpu = OffCpu(dir, stat.State);
        if (stat.State is 'Z' or 'X' or 'T' or 't')
            return new ThreadReport(tid, stat.Comm, stat.State, offCpu, null, null, WaitKind.Other, []);
        string? text = ProcText.TryRead($"{dir}/syscall");
        if (text == null || !SyscallLine.TryParse(text, out var line))
            return new ThreadReport(tid, stat.Comm, stat.State, offCpu, null, null, WaitKind.Other, []);
        if (!line.InSyscall)
            return new ThreadReport(tid, stat.Comm, line.Running ? 'R' : stat.State, offCpu, null, null, WaitKind.Other, [], OutsideSyscall: !line.Running);
        var info = SyscallTable.Resolve(line.Number);
        var fds = WaitedFds.Of(pid, info, line.Args, memory).Select(describer.Describe).ToList();
        string call = info.Number is Sys.poll or Sys.ppoll ? WaitedFds.PollCall(info.Name, line.Args, memory) : Render(info, pid, line.Args, memory);
        return new ThreadReport(tid, stat.Comm, stat.State, offCpu, info.Name, call,
            info.Waits, fds);
    }

    /// <summary>Seconds since the thread last ran, from the scheduler's se.exec_start.</summary>
    private static double? OffCpu(string dir, char state)
    {
        if (state == 'R') return 0;
        string? sched = ProcText.TryRead($"{dir}/sched");
        if (sched == null || SchedText.ExecStartMs(sched) is not double startMs) return null;
        return Math.Max(0, Interop.Clock.MonotonicSeconds() - startMs / 1000);
    }

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
        // A decoder whose rest prints at exit has already written that argument's ", ".
        string shown = System.Text.Encoding.UTF8.GetString(writer.Written).TrimEnd(' ', ',');
        if (writer.ArgCount < info.ArgCount) shown += shown.Length > 0 ? ", ..." : "...";
        return $"{info.Name}({shown})";
    }
}

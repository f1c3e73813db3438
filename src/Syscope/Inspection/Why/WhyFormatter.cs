using Syscope.Inspection.Procfs;
using Syscope.Syscalls;
using Syscope.Text;

namespace Syscope.Inspection.Why;

/// <summary>
/// The `why` screen: a process header, one block per group of threads idle in the same way (same
/// state, same call, same fds), then one plain sentence per finding.
/// </summary>
internal static class WhyFormatter
{
    public static void Write(TextWriter output, Diagnosis d) => Write(output, WhyReport.Unfollowed(d));

    public static void Write(TextWriter output, WhyReport report)
    {
        var d = report.Diagnosis;
        var p = d.Process;
        output.WriteLine($"PID {p.Pid} ({p.DisplayComm}): {p.DisplayCommand}");
        output.WriteLine($"user {d.User}, {Plural(d.Threads.Count, "thread")}, running for {ProcessTable.FormatElapsed(p.ElapsedSeconds)}, parent PID {d.ParentPid}");
        if (d.Tracer != null) output.WriteLine($"traced by {d.Tracer}");
        var groups = report.Groups;
        foreach (var g in groups)
        {
            output.WriteLine();
            var first = g[0];
            string who = g.Count == 1 ? $"thread {first.Tid}" : $"threads {Ids(g)}";
            string off = MaxOffCpu(g) is double s && first.State != 'R' ? $", off CPU for {Duration(s)}" : "";
            output.WriteLine($"{who} ({UntrustedText.Escape(first.Comm)}): {ProcStat.StateName(first.State)}{off}");
            if (first.CallText != null) output.WriteLine($"  in {first.CallText}");
            else if (first.OutsideSyscall) output.WriteLine("  not in a system call");
            foreach (var fd in first.Fds) output.WriteLine($"  fd {fd.Fd}: {fd.Description}");
        }
        output.WriteLine();
        output.WriteLine("findings:");
        if (p.State == 'Z')
        {
            output.WriteLine($"  process {p.Pid} is a zombie: it has exited and its parent {d.Parent ?? $"(PID {d.ParentPid})"} has not collected its exit status{(d.Unreaped != null ? $" ({d.Unreaped})" : "")}.");
            WriteChain(output, report.ProcessChain);
        }
        for (int i = 0; i < groups.Count; i++)
        {
            if (p.State == 'Z' && groups[i][0].State is 'Z' or 'X') continue;
            output.WriteLine("  " + Finding(groups[i], d.Tracer));
            WriteChain(output, report.Chains[i]);
        }
        foreach (var deadlock in report.Deadlocks) output.WriteLine("  " + deadlock);
        foreach (var pressure in report.PressureFindings) output.WriteLine("  " + pressure);
    }

    /// <summary>One line per process down the chain, the serving thread's finding (or each group's
    /// when no thread waits on the connection) after how it was reached.</summary>
    private static void WriteChain(TextWriter output, WaitChain? chain)
    {
        if (chain == null) return;
        foreach (var step in chain.Steps)
        {
            string head = $"    -> {step.Lead.Command} (PID {step.Lead.Pid}), {step.Lead.Via}";
            if (step.Diagnosis == null) { output.WriteLine($"{head}: cannot be inspected: {step.Failure}"); continue; }
            if (step.Shown.Count == 1 && step.HiddenGroups == 0)
            {
                output.WriteLine($"{head}: {Finding(step.Shown[0], step.Diagnosis.Tracer, step.Serving ? "serving " : "")}");
                continue;
            }
            output.WriteLine($"{head}:");
            foreach (var g in step.Shown) output.WriteLine($"         {Finding(g, step.Diagnosis.Tracer, step.Serving ? "serving " : "")}");
            if (step.HiddenGroups > 0) output.WriteLine($"         and {Plural(step.HiddenGroups, "more group")} of threads");
        }
    }

    public static List<List<ThreadReport>> Group(IReadOnlyList<ThreadReport> threads)
    {
        var groups = new List<List<ThreadReport>>();
        var byKey = new Dictionary<string, List<ThreadReport>>();
        foreach (var t in threads)
        {
            string key = $"{t.State}|{t.Syscall}|{t.OutsideSyscall}|{t.Purpose}|{string.Join(";", t.Fds.Select(f => f.Description))}";
            if (!byKey.TryGetValue(key, out var list)) { byKey[key] = list = []; groups.Add(list); }
            list.Add(t);
        }
        return groups;
    }

    /// <param name="tracer">The process's tracer ("strace (PID 7)"), named for a traced stop.</param>
    /// <param name="role">Put before the subject: "serving " for the thread on a chain's connection.</param>
    public static string Finding(IReadOnlyList<ThreadReport> g, string? tracer = null, string role = "")
    {
        var t = g[0];
        string subject = role + (g.Count == 1 ? $"thread {t.Tid}" : $"{g.Count} threads ({Ids(g)})");
        string has = g.Count == 1 ? "has" : "have", is_ = g.Count == 1 ? "is" : "are";
        switch (t.State)
        {
            case 'R': return $"{subject} {is_} busy on a CPU, not waiting{CpuText(g)}.";
            case 'T':
                return $"{subject} {is_} stopped by a signal (SIGSTOP, SIGTSTP, SIGTTIN or SIGTTOU) and will not run until it gets SIGCONT"
                    + (tracer != null ? $"; the process is traced by {tracer}." : ".");
            case 't': return $"{subject} {is_} stopped by its debugger {tracer ?? "(no tracer named)"} and will not run until the debugger lets it.";
            case 'Z' or 'X': return $"{subject} {has} exited.";
        }
        if (t.KernelThread)
            return $"{subject} {is_} a kernel thread, {ProcStat.StateName(t.State)}; it makes no system calls{(t.Stack != null ? $" ({t.Stack})" : "")}.";
        string kernel = t.Stack != null ? $", in uninterruptible sleep: {t.Stack}" : "";
        if (t.Syscall == null)
            return t.OutsideSyscall ? $"{subject} {is_} {ProcStat.StateName(t.State)} outside any system call ({t.Stack ?? "a page fault or the kernel's own work"})."
                : $"{subject} {is_} {ProcStat.StateName(t.State)}{kernel}.";
        string waited = MaxOffCpu(g) is double s ? $"{has} waited {Duration(s)}" : $"{is_} waiting";
        string timing = t.Timing != null ? $" ({t.Timing})" : "";
        return $"{subject} {waited} in {Wait(t, kernel: false)}{timing}{kernel}.";
    }

    /// <summary>What a thread waits on, without who or how long: "read() for data from a pipe
    /// written by sleep (PID 9)"; the key `why --all` groups by.</summary>
    public static string Wait(ThreadReport t, bool kernel = true)
    {
        if (t.Syscall == null)
            return $"{ProcStat.StateName(t.State)} outside any system call" + (kernel && t.Stack != null ? $" ({t.Stack})" : "");
        string what = t.Purpose ?? Purpose(t);
        return $"{t.Syscall}(){(what.Length > 0 ? " " + what : "")}" + (kernel && t.Stack != null ? $", in uninterruptible sleep: {t.Stack}" : "");
    }

    /// <summary>" (97% of a CPU over 1.0 s)", or for several threads their sum.</summary>
    private static string CpuText(IReadOnlyList<ThreadReport> g)
    {
        var shares = g.Where(t => t.CpuShare != null).Select(t => t.CpuShare!.Value).ToList();
        if (shares.Count == 0) return "";
        return $" ({shares.Sum() * 100:0}% of a CPU{(g.Count > 1 ? " together" : "")} over {CpuShares.WindowSeconds:0.0} s)";
    }

    private static string Purpose(ThreadReport t)
    {
        var fds = t.Fds;
        switch (t.Kind)
        {
            case WaitKind.Reading when fds.Count == 1: return ReadingFrom(fds[0]);
            case WaitKind.Polling when fds.Count == 1: return ReadingFrom(fds[0]);
            case WaitKind.Polling when fds.Count == 0: return "with no fds, as a timer";
            case WaitKind.Polling:
                var served = fds.Where(f => f.Peer != null).Select(f => $"fd {f.Fd} ({ShortPurpose(f)})").ToList();
                var listening = fds.Where(f => f.Listening).Select(f => $"fd {f.Fd} (connections on {f.Remote})").ToList();
                string detail = string.Join(", ", served.Concat(listening).Take(4));
                return $"for any of {fds.Count} fds" + (detail.Length > 0 ? ": " + detail : "");
            case WaitKind.Writing when fds.Count == 1:
                var w = fds[0];
                if (w.Remote != null) return $"to send to {w.Remote}" + (w.PeerText is { } wp ? $", received by {wp}" : "");
                if (w.Peer != null) return $"for {w.PeerText} to read from a full {(w.Link is { } named && named != "pipe" ? named : "pipe")}";
                return $"writing to {w.Description}";
            case WaitKind.Accepting when fds.Count == 1: return $"for a connection on {fds[0].Remote}";
            case WaitKind.Connecting when fds.Count == 1:
                return $"to connect to {fds[0].Remote ?? fds[0].Description}" + (fds[0].PeerText is { } cp ? $", served by {cp}" : "");
            case WaitKind.Lock: return t.Syscall == "futex" ? "for a lock or condition variable (futex)" : "for a file lock";
            case WaitKind.Child: return "for a child process to exit";
            case WaitKind.Sleep: return "until its timer expires";
            case WaitKind.Signal: return "for a signal";
        }
        return fds.Count == 1 ? $"on fd {fds[0].Fd} ({fds[0].Description})" : "";
    }

    private static string ReadingFrom(FdTarget f)
    {
        if (f.Listening) return $"for a connection on {f.Remote}";
        if (f.Remote != null) return $"for a reply from {f.Remote}" + (f.PeerText is { } p ? $", served by {p}" : "");
        if (f.Peer != null && f.Link is { } named && named != "pipe") return $"for data from {named}, written by {f.PeerText}";
        if (f.Peer != null) return $"for data from a pipe written by {f.PeerText}";
        return $"reading {f.Description}";
    }

    private static string ShortPurpose(FdTarget f) =>
        f.Remote != null ? $"{f.Remote}, {f.PeerText}" : $"pipe from {f.PeerText}";

    private static double? MaxOffCpu(IReadOnlyList<ThreadReport> g)
    {
        double? max = null;
        foreach (var t in g) if (t.OffCpuSeconds is double s) max = Math.Max(max ?? 0, s);
        return max;
    }

    private static string Ids(IReadOnlyList<ThreadReport> g) =>
        g.Count <= 8 ? string.Join(", ", g.Select(t => t.Tid)) : string.Join(", ", g.Take(8).Select(t => t.Tid)) + ", ...";

    public static string Duration(double seconds) => seconds switch
    {
        < 10 => $"{seconds:0.0} s",
        < 120 => $"{seconds:0} s",
        < 7200 => $"{(int)seconds / 60} min {(int)seconds % 60} s",
        _ => $"{seconds / 3600:0.0} h",
    };

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}

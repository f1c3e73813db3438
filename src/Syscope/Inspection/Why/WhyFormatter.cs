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
    public static void Write(TextWriter output, Diagnosis d)
    {
        var p = d.Process;
        output.WriteLine($"PID {p.Pid} ({p.DisplayComm}): {p.DisplayCommand}");
        output.WriteLine($"user {d.User}, {Plural(d.Threads.Count, "thread")}, running for {ProcessTable.FormatElapsed(p.ElapsedSeconds)}, parent PID {d.ParentPid}");
        var groups = Group(d.Threads);
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
            output.WriteLine($"  process {p.Pid} is a zombie: it has exited and its parent (PID {d.ParentPid}) has not collected its exit status.");
        foreach (var g in groups)
            if (p.State != 'Z' || g[0].State is not ('Z' or 'X')) output.WriteLine("  " + Finding(g));
    }

    public static List<List<ThreadReport>> Group(IReadOnlyList<ThreadReport> threads)
    {
        var groups = new List<List<ThreadReport>>();
        var byKey = new Dictionary<string, List<ThreadReport>>();
        foreach (var t in threads)
        {
            string key = $"{t.State}|{t.Syscall}|{t.OutsideSyscall}|{string.Join(";", t.Fds.Select(f => f.Description))}";
            if (!byKey.TryGetValue(key, out var list)) { byKey[key] = list = []; groups.Add(list); }
            list.Add(t);
        }
        return groups;
    }

    public static string Finding(IReadOnlyList<ThreadReport> g)
    {
        var t = g[0];
        string subject = g.Count == 1 ? $"thread {t.Tid}" : $"{g.Count} threads ({Ids(g)})";
        string has = g.Count == 1 ? "has" : "have", is_ = g.Count == 1 ? "is" : "are";
        switch (t.State)
        {
            case 'R': return $"{subject} {is_} running on a CPU, not waiting.";
            case 'T' or 't': return $"{subject} {is_} stopped (by a signal or a debugger) and will not run until continued.";
            case 'Z' or 'X': return $"{subject} {has} exited.";
        }
        if (t.Syscall == null)
            return t.OutsideSyscall ? $"{subject} {is_} {ProcStat.StateName(t.State)} outside any system call (a page fault or the kernel's own work)."
                : $"{subject} {is_} {ProcStat.StateName(t.State)}.";
        string waited = MaxOffCpu(g) is double s ? $"{has} waited {Duration(s)}" : $"{is_} waiting";
        string what = Purpose(t);
        return $"{subject} {waited} in {t.Syscall}(){(what.Length > 0 ? " " + what : "")}.";
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
                if (w.Peer != null) return $"for {w.PeerText} to read from a full pipe";
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

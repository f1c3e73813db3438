using System.Diagnostics;

namespace Syscope.Inspection.Why;

/// <summary>One kind of wait across the machine: the sentence after the subject ("clock_nanosleep()
/// until its timer expires") and every process with threads blocked that way.</summary>
internal sealed record WaitGroup(string What, List<(Diagnosis Process, List<ThreadReport> Threads)> Members)
{
    public double Longest => Members.Max(m => LongestOf(m.Threads));

    public static double LongestOf(IEnumerable<ThreadReport> threads) => threads.Max(t => t.OffCpuSeconds ?? 0);
}

/// <summary>
/// `why --all`: every process with a thread blocked (sleeping or in disk wait) for at least
/// --min-wait seconds, in one pass over /proc, grouped by what the threads wait on, the longest
/// wait first.  Chains are not followed here (the groups already name the processes at the
/// other ends); `why PID` does that for one process.
/// </summary>
internal sealed record MachineWaits(List<WaitGroup> Groups, int Processes, int Threads, int Scanned, double Seconds, int Unreadable = 0)
{
    public const double DefaultMinWait = 1.0;
    private const int ShownPerGroup = 5;

    private const int CommandWidth = 60;

    /// <summary>What groups threads: their wait as `why` words it, except that a child wait names
    /// no children (every shell waits for a different one); the line of each process says which.</summary>
    private static string Key(ThreadReport t) =>
        t.Syscall is "wait4" or "waitid" ? $"{t.Syscall}() for a child process to exit" : WhyFormatter.Wait(t);

    public static MachineWaits Scan(double minWait)
    {
        long start = Stopwatch.GetTimestamp();
        var session = new WhySession();
        var byWhat = new Dictionary<string, WaitGroup>();
        int self = Environment.ProcessId, scanned = 0, processes = 0, threads = 0, unreadable = 0;
        foreach (int pid in ProcessTable.Pids())
        {
            if (pid == self) continue;
            Diagnosis? d;
            try
            {
                var entry = ProcessTable.TryRead(pid);
                // Kernel threads wait by design and make no system calls.
                if (entry == null || entry.IsKernelThread) continue;
                d = Diagnoser.Blocked(entry, session, minWait);
                scanned++;
            }
            catch (UserError) { unreadable++; continue; }
            if (d == null) continue;
            processes++;
            threads += d.Threads.Count;
            foreach (var g in WhyFormatter.Group(d.Threads))
            {
                string what = Key(g[0]);
                if (!byWhat.TryGetValue(what, out var group)) byWhat[what] = group = new WaitGroup(what, []);
                if (group.Members.Count > 0 && ReferenceEquals(group.Members[^1].Process, d)) group.Members[^1].Threads.AddRange(g);
                else group.Members.Add((d, g));
            }
        }
        var groups = byWhat.Values.OrderByDescending(g => g.Longest).ToList();
        foreach (var g in groups) g.Members.Sort((a, b) => WaitGroup.LongestOf(b.Threads).CompareTo(WaitGroup.LongestOf(a.Threads)));
        return new MachineWaits(groups, processes, threads, scanned, Stopwatch.GetElapsedTime(start).TotalSeconds, unreadable);
    }

    public void Write(TextWriter output, double minWait)
    {
        WriteGroups(output, minWait);
        if (Unreadable > 0)
        {
            output.WriteLine();
            output.WriteLine($"{Plural(Unreadable, "process", "processes")} could not be read and {(Unreadable == 1 ? "is" : "are")} left out (inspecting other users' processes needs root)");
        }
    }

    private void WriteGroups(TextWriter output, double minWait)
    {
        if (Groups.Count == 0)
        {
            output.WriteLine($"no process has a thread blocked for {WhyFormatter.Duration(minWait)} or more ({Scanned} processes looked at)");
            return;
        }
        output.WriteLine($"{Plural(Processes, "process", "processes")} of {Scanned} have threads blocked for {WhyFormatter.Duration(minWait)} or more ({Plural(Threads, "thread", "threads")}), waiting in {Plural(Groups.Count, "way", "ways")}:");
        foreach (var g in Groups)
        {
            output.WriteLine();
            output.WriteLine($"{g.What}: {Plural(g.Members.Count, "process", "processes")}, longest {WhyFormatter.Duration(g.Longest)}");
            foreach (var (d, threads) in g.Members.Take(ShownPerGroup))
            {
                var p = d.Process;
                string who = threads.Count == 1 ? $"thread {threads[0].Tid}" : $"{threads.Count} threads";
                string timing = threads[0].Timing is { } t ? $" ({t})" : "";
                string own = WhyFormatter.Wait(threads[0]) is var w && w != g.What ? $", {w[(w.IndexOf(") ") + 2)..]}" : "";
                string command = Text.UntrustedText.Escape(p.CommandLine.Length > 0 ? p.CommandLine : $"[{p.Comm}]", CommandWidth, bytewise: false);
                output.WriteLine($"  {p.DisplayComm} (PID {p.Pid}): {who} for {WhyFormatter.Duration(WaitGroup.LongestOf(threads))}{timing}{own}: {command}");
            }
            if (g.Members.Count > ShownPerGroup) output.WriteLine($"  and {g.Members.Count - ShownPerGroup} more");
        }
    }

    private static string Plural(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";
}

namespace Syscope.Recording.Diff;

/// <summary>Where a pair of threads part: the calls before (the same in both runs), the calls
/// each run alone made there (Only*More more not shown), the calls after they meet again, and how
/// many other stretches differ later.  Aligned is false when the threads differ too much to align
/// (<see cref="CallAlignment"/>): then everything from the first difference on is one stretch.</summary>
internal sealed record Divergence(
    string Program, int FirstTid, int SecondTid, bool Leader, int Call, long TimeNs,
    List<string> Before, List<string> OnlyFirst, int OnlyFirstMore, List<string> OnlySecond, int OnlySecondMore,
    List<string> After, int LaterStretches, bool Aligned);

internal sealed record DiffReport(
    List<Divergence> Divergences,
    List<(string Syscall, string Errno, string Path, int First, int Second)> Failures,
    List<string> FilesOnlyFirst, List<string> FilesOnlySecond,
    List<string> SocketsOnlyFirst, List<string> SocketsOnlySecond,
    List<(string Program, int FirstPid, int SecondPid, string First, string Second)> Endings,
    List<(string Program, string Signal, int First, int Second)> Signals,
    long LatencyThresholdNs,
    List<(string Syscall, long FirstNs, long SecondNs, int FirstCalls, int SecondCalls)> Latency,
    List<string> Unpaired,
    List<string> Problems);

/// <summary>
/// `syscope diff good.scope bad.scope`: what differs between two runs of a program.  Processes are
/// paired along the fork/exec tree (the n-th child running a program in one run with the n-th
/// running it in the other, under paired parents), threads of paired processes in order of
/// creation, then each pair of threads' calls are aligned (<see cref="CallAlignment"/>) on their
/// normalized lines (<see cref="CallLine"/>).  The report puts first what is most often the
/// answer: the earliest call where the runs part, with its context; then calls failing more often
/// in one run, files and sockets touched in one run only, how processes ended and the signals they
/// got, and syscalls whose total time changed by more than a threshold (and by more than half).
/// </summary>
internal static class RunDiff
{
    public const long DefaultLatencyThresholdNs = 10_000_000;
    private const int ContextBefore = 3, ContextAfter = 2, MaxShown = 6;

    private sealed record Pending(RunSummary.Thread First, RunSummary.Thread Second, Hunk Hunk, int Later, bool Aligned);

    public static DiffReport Compare(string firstPath, string secondPath, long latencyThresholdNs = DefaultLatencyThresholdNs)
    {
        var first = RunSummary.Read(firstPath);
        var second = RunSummary.Read(secondPath);
        var pairs = new List<(RunSummary.Process, RunSummary.Process)>();
        var unpaired = new List<string>();
        PairProcesses(first.Roots, second.Roots, pairs, unpaired);

        var pending = new List<Pending>();
        var endings = new List<(string, int, int, string, string)>();
        var signals = new List<(string, string, int, int)>();
        foreach (var (f, s) in pairs)
        {
            for (int i = 0; i < Math.Min(f.Threads.Count, s.Threads.Count); i++)
            {
                var (ft, st) = (f.Threads[i], s.Threads[i]);
                var hunks = CallAlignment.Align(ft.Keys, st.Keys);
                if (hunks == null)
                {
                    int at = 0;
                    while (at < ft.Keys.Count && at < st.Keys.Count && ft.Keys[at] == st.Keys[at]) at++;
                    pending.Add(new Pending(ft, st, new Hunk(at, ft.Keys.Count - at, at, st.Keys.Count - at), 0, false));
                }
                else if (hunks.Count > 0) pending.Add(new Pending(ft, st, hunks[0], hunks.Count - 1, true));
            }
            for (int i = s.Threads.Count; i < f.Threads.Count; i++) unpaired.Add($"{f.Name} (pid {f.Tgid}): thread {f.Threads[i].Tid} ran only in the first run");
            for (int i = f.Threads.Count; i < s.Threads.Count; i++) unpaired.Add($"{s.Name} (pid {s.Tgid}): thread {s.Threads[i].Tid} ran only in the second run");
            if (f.Ending != s.Ending) endings.Add((f.Name, f.Tgid, s.Tgid, f.Ending, s.Ending));
            foreach (string signal in f.Signals.Keys.Union(s.Signals.Keys).Order(StringComparer.Ordinal))
            {
                int a = f.Signals.GetValueOrDefault(signal), b = s.Signals.GetValueOrDefault(signal);
                if (a != b) signals.Add((f.Name, signal, a, b));
            }
        }

        var divergences = Divergences(pending, firstPath, secondPath);
        var failures = first.Failures.Keys.Union(second.Failures.Keys)
            .Select(k => (k.Syscall, k.Errno, k.Path, First: first.Failures.GetValueOrDefault(k), Second: second.Failures.GetValueOrDefault(k)))
            .Where(f => f.First != f.Second)
            .OrderByDescending(f => f.First == 0 || f.Second == 0).ThenByDescending(f => Math.Abs(f.Second - f.First))
            .ThenBy(f => f.Syscall, StringComparer.Ordinal).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var latency = first.Latency.Keys.Union(second.Latency.Keys)
            .Select(k => (Syscall: k, A: first.Latency.GetValueOrDefault(k), B: second.Latency.GetValueOrDefault(k)))
            .Where(l => LatencyChanged(l.A.TotalNs, l.B.TotalNs, latencyThresholdNs))
            .OrderByDescending(l => Math.Abs(l.B.TotalNs - l.A.TotalNs)).ThenBy(l => l.Syscall, StringComparer.Ordinal)
            .Select(l => (l.Syscall, l.A.TotalNs, l.B.TotalNs, l.A.Calls, l.B.Calls))
            .ToList();
        return new DiffReport(divergences, failures,
            OnlyIn(first.Files, second.Files), OnlyIn(second.Files, first.Files),
            OnlyIn(first.Sockets, second.Sockets), OnlyIn(second.Sockets, first.Sockets),
            endings, signals, latencyThresholdNs, latency, unpaired,
            [.. new[] { first.Problem, second.Problem }.OfType<string>()]);
    }

    /// <summary>A total that changed by more than the threshold and by more than half the smaller
    /// of the two: a long run's noise (an execve slower by 40 ms when it takes 200) is not news.</summary>
    private static bool LatencyChanged(long first, long second, long thresholdNs)
    {
        long change = Math.Abs(second - first);
        return change > thresholdNs && change > Math.Min(first, second) / 2;
    }

    private static List<string> OnlyIn(HashSet<string> these, HashSet<string> others) => [.. these.Except(others).Order(StringComparer.Ordinal)];

    /// <summary>Pairs two lists of sibling processes (the n-th running a program with the n-th
    /// running it on the other side), then their children, down the tree.</summary>
    private static void PairProcesses(List<RunSummary.Process> first, List<RunSummary.Process> second,
        List<(RunSummary.Process, RunSummary.Process)> pairs, List<string> unpaired)
    {
        var left = new List<RunSummary.Process>(second);
        foreach (var f in first)
        {
            int at = left.FindIndex(s => s.Name == f.Name);
            if (at < 0)
            {
                unpaired.Add($"{f.Name} (pid {f.Tgid}) ran only in the first run{Descendants(f)}");
                continue;
            }
            var s = left[at];
            left.RemoveAt(at);
            pairs.Add((f, s));
            PairProcesses(f.Children, s.Children, pairs, unpaired);
        }
        foreach (var s in left) unpaired.Add($"{s.Name} (pid {s.Tgid}) ran only in the second run{Descendants(s)}");
    }

    private static string Descendants(RunSummary.Process p)
    {
        int n = 0;
        var stack = new Stack<RunSummary.Process>(p.Children);
        while (stack.TryPop(out var c))
        {
            n++;
            foreach (var g in c.Children) stack.Push(g);
        }
        return n == 0 ? "" : $" (with {n} process{(n == 1 ? "" : "es")} it started)";
    }

    /// <summary>The text of each divergence's lines, read again from both recordings; the
    /// earliest (by time since each run's start) first.</summary>
    private static List<Divergence> Divergences(List<Pending> pending, string firstPath, string secondPath)
    {
        var firstLines = new Dictionary<(int, int), string>();
        var secondLines = new Dictionary<(int, int), string>();
        foreach (var p in pending)
        {
            var h = p.Hunk;
            foreach (int i in Shown(h.FirstStart, h.FirstCount, p.First.Keys.Count)) firstLines[(p.First.Ordinal, i)] = "";
            for (int i = h.SecondStart; i < h.SecondStart + Math.Min(h.SecondCount, MaxShown); i++) secondLines[(p.Second.Ordinal, i)] = "";
        }
        RunSummary.ReadLines(firstPath, firstLines);
        RunSummary.ReadLines(secondPath, secondLines);

        var result = new List<Divergence>();
        foreach (var p in pending)
        {
            var h = p.Hunk;
            List<string> Lines(Dictionary<(int, int), string> lines, RunSummary.Thread t, int from, int to) =>
                [.. Enumerable.Range(from, Math.Max(0, to - from)).Select(i => lines[(t.Ordinal, i)])];
            int firstEnd = h.FirstStart + h.FirstCount;
            long time = h.FirstStart < p.First.Times.Count ? p.First.Times[h.FirstStart]
                : h.SecondStart < p.Second.Times.Count ? p.Second.Times[h.SecondStart] : long.MaxValue;
            result.Add(new Divergence(p.First.Process.Name, p.First.Tid, p.Second.Tid, p.First.Tid == p.First.Process.Tgid,
                h.FirstStart + 1, time,
                Lines(firstLines, p.First, Math.Max(0, h.FirstStart - ContextBefore), h.FirstStart),
                Lines(firstLines, p.First, h.FirstStart, h.FirstStart + Math.Min(h.FirstCount, MaxShown)), Math.Max(0, h.FirstCount - MaxShown),
                Lines(secondLines, p.Second, h.SecondStart, h.SecondStart + Math.Min(h.SecondCount, MaxShown)), Math.Max(0, h.SecondCount - MaxShown),
                p.Aligned ? Lines(firstLines, p.First, firstEnd, Math.Min(p.First.Keys.Count, firstEnd + ContextAfter)) : [],
                p.Later, p.Aligned));
        }
        return [.. result.OrderBy(d => d.TimeNs)];
    }

    /// <summary>The first run's calls a divergence shows: context before, the first few of its
    /// own, context after.</summary>
    private static IEnumerable<int> Shown(int start, int count, int total)
    {
        for (int i = Math.Max(0, start - ContextBefore); i < start; i++) yield return i;
        for (int i = start; i < start + Math.Min(count, MaxShown); i++) yield return i;
        for (int i = start + count; i < Math.Min(total, start + count + ContextAfter); i++) yield return i;
    }

    /// <summary>A duration as milliseconds ("1.083 ms", "200 ms").</summary>
    public static string Milliseconds(long ns) => (ns / 1e6).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}

namespace Syscope.Inspection.Why;

/// <summary>Everything the `why` screen shows for one process: its diagnosis, the groups of its
/// threads, where each group's wait leads (and the zombie's parent), and any deadlock found.</summary>
internal sealed record WhyReport(Diagnosis Diagnosis, List<List<ThreadReport>> Groups, List<WaitChain?> Chains, WaitChain? ProcessChain)
{
    /// <summary>The share of the last 10 s above which stalls on a resource are worth a sentence.</summary>
    public const double HighPressure = 10;

    /// <summary>When a thread is in disk wait: the machine's I/O and memory pressure where high,
    /// "I/O pressure is high: some tasks stalled on I/O 23% of the last 10 s (all of them 12%)."</summary>
    public IEnumerable<string> PressureFindings
    {
        get
        {
            if (Diagnosis.Threads.All(t => t.State != 'D')) yield break;
            foreach (var (resource, name) in new[] { ("io", "I/O"), ("memory", "memory") })
                if (Procfs.Pressure.Read(resource) is { } p && p.Some10 >= HighPressure)
                    yield return $"{name} pressure is high: some tasks stalled on {name} {p.Some10:0}% of the last 10 s (all of them {p.Full10:0}%).";
        }
    }

    /// <summary>Each deadlock once, though several groups may run into the same loop: between
    /// processes (chains) and between this process's threads (mutexes, joins).</summary>
    public IEnumerable<string> Deadlocks => Chains.Append(ProcessChain).Select(c => c?.Deadlock).OfType<string>()
        .Concat(ThreadDeadlocks(Diagnosis.Threads)).Distinct();

    /// <summary>Threads each waiting for the next (a mutex it holds, its exit), back to the first:
    /// "deadlock: thread 5 waits for thread 6 (mutex), which waits for thread 5 (mutex)." The loop
    /// is told from its lowest TID, so it is said once whichever thread leads into it.</summary>
    public static IEnumerable<string> ThreadDeadlocks(IReadOnlyList<ThreadReport> threads)
    {
        var byTid = threads.Where(t => t.HeldBy != 0).ToDictionary(t => t.Tid);
        var said = new HashSet<int>();
        foreach (var start in byTid.Values)
        {
            var path = new List<int>();
            int at = start.Tid;
            while (byTid.ContainsKey(at) && !path.Contains(at)) { path.Add(at); at = byTid[at].HeldBy; }
            if (!path.Contains(at)) continue;
            var loop = path.Skip(path.IndexOf(at)).ToList();
            int first = loop.IndexOf(loop.Min());
            loop = loop.Skip(first).Concat(loop.Take(first)).ToList();
            if (!said.Add(loop[0])) continue;
            var text = new System.Text.StringBuilder($"deadlock: thread {loop[0]}");
            for (int i = 0; i < loop.Count; i++)
                text.Append(i == 0 ? " waits for" : ", which waits for").Append($" thread {loop[(i + 1) % loop.Count]} ({byTid[loop[i]].HeldByLink})");
            yield return text.Append('.').ToString();
        }
    }

    public static WhyReport Unfollowed(Diagnosis d)
    {
        var groups = WhyFormatter.Group(d.Threads);
        return new WhyReport(d, groups, groups.Select(_ => (WaitChain?)null).ToList(), null);
    }

    /// <summary>Diagnoses the process and follows every group's wait up to depth processes away.</summary>
    public static WhyReport Build(ProcessEntry process, int depth)
    {
        var session = new WhySession();
        var d = Diagnoser.Run(process, session, sampleCpu: true);
        var groups = WhyFormatter.Group(d.Threads);
        var chains = groups.Select(g => depth > 0 && g[0].Leads.Count > 0 ? WaitChain.Follow(d, g[0].Leads, depth, session) : null).ToList();
        var processChain = depth > 0 && d.ProcessLeads.Count > 0 ? WaitChain.Follow(d, d.ProcessLeads, depth, session) : null;
        return new WhyReport(d, groups, chains, processChain);
    }
}

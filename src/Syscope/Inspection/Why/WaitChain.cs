namespace Syscope.Inspection.Why;

/// <summary>One process reached along a chain: how (the lead), what it is doing (the groups of
/// threads shown: those serving the connection when one waits on it, else every group), or why
/// it could not be looked at.</summary>
internal sealed record ChainStep(Lead Lead, Diagnosis? Diagnosis, IReadOnlyList<List<ThreadReport>> Shown, int HiddenGroups, bool Serving, string? Failure);

/// <summary>The processes a wait leads to, in order, and the deadlock sentence when the chain
/// comes back to a process already on it while every process on the loop is blocked.</summary>
internal sealed record WaitChain(IReadOnlyList<ChainStep> Steps, string? Deadlock)
{
    public const int DefaultDepth = 3;
    private const int MaxGroupsShown = 3;

    /// <summary>Follows the leads of one group of the root's threads up to depth processes,
    /// diagnosing each one (without the CPU sample) with the run's shared tables.</summary>
    public static WaitChain Follow(Diagnosis root, IReadOnlyList<Lead> leads, int depth, WhySession session)
    {
        var steps = new List<ChainStep>();
        // syscope itself (a child of the shell that waits for it) is never a step.
        var path = new List<int> { root.Process.Pid };
        leads = leads.Where(l => l.Pid != Environment.ProcessId).ToList();
        var links = new List<string>();
        var blocked = new Dictionary<int, bool> { [root.Process.Pid] = NoneRunning(root) };
        while (steps.Count < depth)
        {
            var next = leads.FirstOrDefault(l => !path.Contains(l.Pid));
            if (next == null)
            {
                var back = leads.FirstOrDefault(l => path.Contains(l.Pid));
                return new WaitChain(steps, back == null ? null : DeadlockSentence(path, links, back, blocked));
            }
            var entry = ProcessTable.TryRead(next.Pid);
            Diagnosis? d = null;
            string? failure = entry == null ? "it has exited" : null;
            if (entry != null)
            {
                try { d = Diagnoser.Run(entry, session, sampleCpu: false); }
                catch (UserError e) { failure = e.Message; }
            }
            if (d == null)
            {
                steps.Add(new ChainStep(next, null, [], 0, false, failure));
                break;
            }
            var groups = WhyFormatter.Group(d.Threads);
            var serving = next.Fd < 0 ? [] : groups.Where(g => g[0].Fds.Any(f => f.Fd == next.Fd)).ToList();
            var shown = serving.Count > 0 ? serving : groups;
            steps.Add(new ChainStep(next, d, shown.Take(MaxGroupsShown).ToList(), Math.Max(0, shown.Count - MaxGroupsShown), serving.Count > 0, null));
            path.Add(next.Pid);
            links.Add(next.Link);
            blocked[next.Pid] = NoneRunning(d);
            leads = shown.SelectMany(g => g[0].Leads).Concat(d.ProcessLeads).Where(l => l.Pid != Environment.ProcessId).ToList();
        }
        return new WaitChain(steps, null);
    }

    private static bool NoneRunning(Diagnosis d) => d.Threads.All(t => t.State != 'R');

    /// <summary>"deadlock: PID 5 waits for PID 6 (pipe), which waits for PID 5 (pipe)." when every
    /// process on the loop is blocked; a loop through a running process is not a deadlock.</summary>
    private static string? DeadlockSentence(List<int> path, List<string> links, Lead back, Dictionary<int, bool> blocked)
    {
        int start = path.IndexOf(back.Pid);
        var loop = path.Skip(start).ToList();
        if (!loop.All(p => blocked.GetValueOrDefault(p))) return null;
        var text = new System.Text.StringBuilder($"deadlock: PID {loop[0]}");
        for (int i = 0; i < loop.Count; i++)
        {
            int to = i + 1 < loop.Count ? loop[i + 1] : back.Pid;
            string link = i + 1 < loop.Count ? links[start + i] : back.Link;
            text.Append(i == 0 ? " waits for" : ", which waits for").Append($" PID {to} ({link})");
        }
        return text.Append('.').ToString();
    }
}

namespace Syscope.Inspection.Why;

/// <summary>Everything the `why` screen shows for one process: its diagnosis, the groups of its
/// threads, where each group's wait leads (and the zombie's parent), and any deadlock found.</summary>
internal sealed record WhyReport(Diagnosis Diagnosis, List<List<ThreadReport>> Groups, List<WaitChain?> Chains, WaitChain? ProcessChain)
{
    /// <summary>Each deadlock once, though several groups may run into the same loop.</summary>
    public IEnumerable<string> Deadlocks => Chains.Append(ProcessChain).Select(c => c?.Deadlock).OfType<string>().Distinct();

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

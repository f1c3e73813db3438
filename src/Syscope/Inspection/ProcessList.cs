using Syscope.Inspection.Naming;

namespace Syscope.Inspection;

/// <summary>The `ps` screen: one line per process, columns sized to their widest value.</summary>
internal static class ProcessList
{
    public static void Write(TextWriter output, IReadOnlyList<ProcessEntry> processes, EndpointNames names)
    {
        var rows = new List<string[]> { new[] { "PID", "USER", "STATE", "THREADS", "ELAPSED", "COMMAND" } };
        foreach (var p in processes)
            rows.Add([p.Pid.ToString(), names.User(p.Uid), Procfs.ProcStat.StateName(p.State),
                p.Threads.ToString(), ProcessTable.FormatElapsed(p.ElapsedSeconds), p.DisplayCommand]);
        TextTable.Write(output, rows, rightAligned: [true, false, false, true, true, false]);
    }
}

using Syscope.Inspection.Procfs;
using Syscope.Syscalls;

namespace Syscope.Inspection.Why;

/// <summary>A thread blocked in wait4() or waitid(): the children it may collect, from
/// /proc/PID/task/*/children, each of which the chain can follow.</summary>
internal static class ChildWaits
{
    private const int P_ALL = 0, P_PID = 1;

    public static string Describe(int pid, SyscallInfo info, ulong[] a, List<Lead> leads)
    {
        int wanted = info.Number == Sys.wait4 ? ((int)a[0] > 0 ? (int)a[0] : 0)
            : (int)a[0] == P_PID ? (int)a[1] : 0;
        var children = Children(pid).Where(c => wanted == 0 || c == wanted).ToList();
        if (children.Count == 0)
            return wanted > 0 ? $"for child {wanted} to exit (it is not a child of this process now)" : "for a child process to exit";
        var named = new List<string>();
        foreach (int child in children)
        {
            string command = WhySession.CommandOf(child);
            char state = ProcStat.TryRead($"/proc/{child}/stat", out var st) ? st.State : '?';
            named.Add($"{command} (PID {child}, {ProcStat.StateName(state)})");
            leads.Add(new Lead(child, command, -1, "child", "its child"));
        }
        string list = string.Join(", ", named.Take(5)) + (named.Count > 5 ? $" and {named.Count - 5} more" : "");
        return children.Count == 1 ? $"for its child {list} to exit" : $"for one of its {children.Count} children to exit: {list}";
    }

    /// <summary>Every thread's children (a child belongs to the thread that forked it).</summary>
    public static List<int> Children(int pid)
    {
        var all = new SortedSet<int>();
        foreach (int tid in Inspection.ProcessTable.Threads(pid))
            if (ProcText.TryRead($"/proc/{pid}/task/{tid}/children") is { } text)
                foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    if (int.TryParse(part, out int c)) all.Add(c);
        return all.ToList();
    }
}

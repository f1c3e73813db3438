using Syscope.Inspection.Procfs;
using Syscope.Interop;
using Syscope.Text;
using Syscope.Tracing;

namespace Syscope.Inspection.Selection;

/// <summary>
/// Applies a <see cref="ProcessSelection"/> to the live processes in pgrep's order of tests and
/// with its rules: the pattern is a POSIX extended regular expression searched in the name
/// (/proc/PID/stat's 15-byte comm) or, with Full, the command line (its arguments joined by
/// spaces; "[name]" when it has none, with " &lt;defunct&gt;" for a zombie); Exact anchors it at both
/// ends; excluded processes (the caller and the commands running it) are never candidates, not
/// even for Inverse; Newest/Oldest keep the matching candidate with the latest/earliest start
/// time, ties going to the higher/lower ID.
/// </summary>
internal sealed class ProcessSelector : IDisposable
{
    private readonly ProcessSelection _selection;
    private readonly PosixRegex? _regex;
    private readonly ulong[] _namespaces = [];

    private ProcessSelector(ProcessSelection selection, PosixRegex? regex)
    {
        _selection = selection;
        _regex = regex;
        if (selection.NamespacePid is int nsPid) _namespaces = Namespaces(nsPid, nsPid);
    }

    /// <summary>The selector, or null with regerror's words when the pattern does not compile.</summary>
    public static ProcessSelector? TryCreate(ProcessSelection selection, out string patternProblem)
    {
        patternProblem = "";
        if (selection.Pattern == null) return new ProcessSelector(selection, null);
        string pattern = selection.Exact ? $"^({selection.Pattern})$" : selection.Pattern;
        int flags = PosixRegex.REG_EXTENDED | PosixRegex.REG_NOSUB | (selection.IgnoreCase ? PosixRegex.REG_ICASE : 0);
        var regex = PosixRegex.TryCompile(UntrustedText.ToBytes(pattern), flags, out patternProblem);
        return regex == null ? null : new ProcessSelector(selection, regex);
    }

    public void Dispose() => _regex?.Dispose();

    /// <summary>The selected processes (threads with Threads), in /proc's order.</summary>
    public List<SelectedProcess> Select(IReadOnlySet<int> excluded)
    {
        var s = _selection;
        var chosen = new List<SelectedProcess>();
        IReadOnlySet<int> skip = s.IgnoreAncestors ? new HashSet<int>([.. excluded, .. Ancestors()]) : excluded;
        ulong savedStart = s.Newest ? 0UL : ulong.MaxValue;
        int savedPid = s.Newest ? 0 : int.MaxValue;
        long bootSeconds = (long)Clock.BootSeconds(), ticks = Clock.TicksPerSecond();
        foreach (int pid in ProcessTable.Pids())
        {
            if (skip.Contains(pid)) continue;
            foreach (var c in Candidates(pid))
            {
                bool match = Criteria(c, savedStart, bootSeconds, ticks);
                string command = c.CommandLine.Length > 0 ? c.CommandLine : $"[{c.Name}]" + (c.Stat.State == 'Z' ? " <defunct>" : "");
                if (match && _regex != null)
                    match = _regex.IsMatch(UntrustedText.ToBytes(s.Full ? command : c.Name));
                if (match == s.Inverse) continue;
                if (s.Newest || s.Oldest)
                {
                    if (savedStart == c.Stat.StartTicks && (s.Newest ? savedPid > c.Id : savedPid < c.Id)) continue;
                    savedStart = c.Stat.StartTicks;
                    savedPid = c.Id;
                    chosen.Clear();
                }
                chosen.Add(new SelectedProcess(c.Id, c.Name, command));
            }
        }
        return chosen;
    }

    private bool Criteria(in Candidate c, ulong savedStart, long bootSeconds, long ticks)
    {
        var s = _selection;
        var st = c.Stat;
        if (s.Pids != null && !s.Pids.Contains(c.Tgid)) return false;
        if (s.Newest && st.StartTicks < savedStart) return false;
        if (s.Oldest && st.StartTicks > savedStart) return false;
        if (s.ParentPids != null && !s.ParentPids.Contains(st.Ppid)) return false;
        if (s.ProcessGroups != null && !s.ProcessGroups.Contains(st.Pgrp)) return false;
        if (s.EffectiveUids != null && !s.EffectiveUids.Contains(c.Status.Euid)) return false;
        if (s.RealUids != null && !s.RealUids.Contains(c.Status.Uid)) return false;
        if (s.RealGids != null && !s.RealGids.Contains(c.Status.Gid)) return false;
        if (s.Sessions != null && !s.Sessions.Contains(st.Session)) return false;
        if (s.NamespacePid != null && !Namespaces(c.Tgid, c.Id).AsSpan().SequenceEqual(_namespaces)) return false;
        if (s.OlderSeconds is int older && bootSeconds - (long)(st.StartTicks / (ulong)ticks) < older) return false;
        if (s.Terminals != null && (TerminalNames.Name(st.TtyNr) is not string tty || !s.Terminals.Contains(tty))) return false;
        if (s.RunStates != null && !s.RunStates.Contains(st.State)) return false;
        if (s.Cgroups != null && (Cgroup(c.Tgid) is not string group || !s.Cgroups.Contains(group))) return false;
        return true;
    }

    private readonly record struct Candidate(int Id, int Tgid, string Name, ProcStat Stat, ProcStatus Status, string CommandLine);

    /// <summary>The process, or each of its threads; none when it exits meanwhile or its /proc
    /// files are closed to us (hidepid, LSMs), as pgrep skips those.</summary>
    private IEnumerable<Candidate> Candidates(int pid)
    {
        string? commandLine;
        try { commandLine = ProcessTable.TryReadCommandLine(pid); }
        catch (UserError) { yield break; }
        if (commandLine == null) yield break;
        var ids = _selection.Threads ? ProcessTable.Threads(pid) : [pid];
        foreach (int id in ids)
        {
            string dir = id == pid ? $"/proc/{pid}" : $"/proc/{pid}/task/{id}";
            ProcStat stat;
            ProcStatus status;
            try
            {
                if (!ProcStat.TryRead(dir + "/stat", out stat)) continue;
                if (ProcText.TryRead(dir + "/status") is not string text || !ProcStatus.TryParse(text, out status)) continue;
            }
            catch (UserError) { continue; }
            yield return new Candidate(id, pid, stat.Comm, stat, status, commandLine);
        }
    }

    /// <summary>The inode of each selected namespace of a task; 0 for one that cannot be read.</summary>
    private ulong[] Namespaces(int pid, int tid)
    {
        var kinds = _selection.NamespaceKinds;
        var inodes = new ulong[kinds.Count];
        string dir = pid == tid ? $"/proc/{pid}/ns/" : $"/proc/{pid}/task/{tid}/ns/";
        for (int i = 0; i < kinds.Count; i++)
            inodes[i] = FileStatus.Stat(dir + kinds[i], out var st) == 0 ? st.Inode : 0;
        return inodes;
    }

    /// <summary>The cgroup v2 path of a process (the "0::" line of /proc/PID/cgroup).</summary>
    private static string? Cgroup(int pid)
    {
        string? text;
        try { text = ProcText.TryRead($"/proc/{pid}/cgroup"); }
        catch (UserError) { return null; }
        foreach (var line in (text ?? "").Split('\n'))
            if (line.StartsWith("0::", StringComparison.Ordinal)) return line[3..];
        return null;
    }

    /// <summary>Every ancestor of this process, up to init.</summary>
    private static HashSet<int> Ancestors()
    {
        var set = new HashSet<int>();
        int pid = Environment.ProcessId;
        while (ProcStat.TryRead($"/proc/{pid}/stat", out var stat) && stat.Ppid > 0 && set.Add(stat.Ppid))
            pid = stat.Ppid;
        return set;
    }
}

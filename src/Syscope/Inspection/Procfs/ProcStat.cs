namespace Syscope.Inspection.Procfs;

/// <summary>The fields of /proc/PID/stat (or task/TID/stat) that inspection uses.</summary>
internal readonly record struct ProcStat(
    int Pid, string Comm, char State, int Ppid, ulong UserTicks, ulong SystemTicks, int Threads,
    ulong StartTicks, int Processor, int Pgrp = 0, int Session = 0, int TtyNr = 0)
{
    /// <summary>The comm sits in parentheses and may itself contain ')' or spaces, so the fields
    /// start after the LAST ')' in the line.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ProcStat stat)
    {
        stat = default;
        int open = text.IndexOf('('), close = text.LastIndexOf(')');
        if (open < 1 || close < open || !int.TryParse(text[..open].Trim(), out int pid)) return false;
        string comm = text[(open + 1)..close].ToString();
        var rest = text[(close + 1)..].Trim();
        Span<Range> f = stackalloc Range[48];
        int count = rest.Split(f, ' ', StringSplitOptions.RemoveEmptyEntries);
        // Field numbers of proc(5) minus 3: state is field 3.
        if (count < 20 || rest[f[0]].Length != 1) return false;
        bool ok = int.TryParse(rest[f[1]], out int ppid)
            & int.TryParse(rest[f[2]], out int pgrp)
            & int.TryParse(rest[f[3]], out int session)
            & int.TryParse(rest[f[4]], out int tty)
            & ulong.TryParse(rest[f[11]], out ulong utime)
            & ulong.TryParse(rest[f[12]], out ulong stime)
            & int.TryParse(rest[f[17]], out int threads)
            & ulong.TryParse(rest[f[19]], out ulong start);
        int cpu = count > 36 && int.TryParse(rest[f[36]], out int c) ? c : -1;
        if (!ok) return false;
        stat = new ProcStat(pid, comm, rest[f[0]][0], ppid, utime, stime, threads, start, cpu, pgrp, session, tty);
        return true;
    }

    public static bool TryRead(string path, out ProcStat stat)
    {
        stat = default;
        string? text = ProcText.TryRead(path);
        return text != null && TryParse(text, out stat);
    }

    /// <summary>ps(1)'s words for the state letter.</summary>
    public static string StateName(char state) => state switch
    {
        'R' => "running",
        'S' => "sleeping",
        'D' => "disk wait",
        'T' => "stopped",
        't' => "stopped by debugger",
        'Z' => "zombie",
        'X' => "dead",
        'I' => "idle",
        _ => "unknown",
    };
}

using Syscope.Inspection.Procfs;
using Syscope.Text;

namespace Syscope.Inspection;

/// <summary>One process as ps shows it, read from /proc/PID/{stat,status,cmdline}.</summary>
internal sealed record ProcessEntry(
    int Pid, string Comm, string CommandLine, uint Uid, char State, int Threads, double ElapsedSeconds)
{
    /// <summary>What ps prints: the command line, or [comm] for kernel threads that have none.
    /// Both are the process's own bytes, shown escaped.</summary>
    public string DisplayCommand => UntrustedText.Escape(CommandLine.Length > 0 ? CommandLine : $"[{Comm}]");

    /// <summary>The process name as every screen shows it, escaped.</summary>
    public string DisplayComm => UntrustedText.Escape(Comm);

    /// <summary>What a pattern is matched against (pgrep -f falls back to the name).</summary>
    public string MatchText => CommandLine.Length > 0 ? CommandLine : Comm;

    /// <summary>Parent and process group, for lsof's -R and -g columns.</summary>
    public int Ppid { get; init; }
    public int Pgid { get; init; }
    /// <summary>A kernel thread (kthreadd or one of its children, with no command line): it makes
    /// no system calls, so /proc/PID/syscall says nothing about it.</summary>
    public bool IsKernelThread => CommandLine.Length == 0 && (Pid == 2 || Ppid == 2);

    /// <summary>The process tracing this one (ptrace), 0 when none.</summary>
    public int TracerPid { get; init; }
}

/// <summary>Lists and reads processes; every read expects the process may have exited.</summary>
internal static class ProcessTable
{
    public static List<int> Pids(string procRoot = "/proc") => NumericEntries(procRoot);

    public static List<int> Threads(int pid) => NumericEntries($"/proc/{pid}/task");

    /// <summary>Numeric names in a directory, sorted; empty when the directory is gone.</summary>
    public static List<int> NumericEntries(string dir)
    {
        var list = new List<int>();
        int rc = Interop.DirectoryNames.ForEachNumber(dir, list.Add);
        if (-rc is Kernel.Errno.EACCES or Kernel.Errno.EPERM) throw ProcText.Denied(dir);
        list.Sort();
        return list;
    }

    public static ProcessEntry? TryRead(int pid)
    {
        if (!ProcStat.TryRead($"/proc/{pid}/stat", out var stat)) return null;
        string? statusText = ProcText.TryRead($"/proc/{pid}/status");
        if (statusText == null || !ProcStatus.TryParse(statusText, out var status)) return null;
        string? cmdline = TryReadCommandLine(pid);
        if (cmdline == null) return null;
        double elapsed = Math.Max(0, Interop.Clock.BootSeconds() - stat.StartTicks / (double)Interop.Clock.TicksPerSecond());
        return new ProcessEntry(pid, stat.Comm, cmdline, status.Uid, stat.State, stat.Threads, elapsed) { Ppid = stat.Ppid, Pgid = stat.Pgrp, TracerPid = status.TracerPid };
    }

    /// <summary>Arguments joined by spaces (the NULs between them become spaces, as in ps).</summary>
    public static string? TryReadCommandLine(int pid)
    {
        string? raw = ProcText.TryRead($"/proc/{pid}/cmdline");
        return raw?.TrimEnd('\0').Replace('\0', ' ');
    }

    /// <summary>ps's etime: [[dd-]hh:]mm:ss.</summary>
    public static string FormatElapsed(double seconds)
    {
        long s = (long)seconds;
        long days = s / 86400, hours = s / 3600 % 24, minutes = s / 60 % 60, secs = s % 60;
        if (days > 0) return $"{days}-{hours:00}:{minutes:00}:{secs:00}";
        if (hours > 0) return $"{hours:00}:{minutes:00}:{secs:00}";
        return $"{minutes:00}:{secs:00}";
    }
}

using System.Globalization;

namespace Syscope.Inspection.Procfs;

/// <summary>
/// /proc/PID/task/TID/syscall: "running", "-1 SP PC" (blocked outside any system call, e.g. in a
/// page fault), or "NR A1 A2 A3 A4 A5 A6 SP PC" for a thread blocked in system call NR.
/// </summary>
internal readonly record struct SyscallLine(bool Running, long Number, ulong[] Args)
{
    public bool InSyscall => !Running && Number >= 0;

    public static bool TryParse(ReadOnlySpan<char> text, out SyscallLine line)
    {
        line = default;
        text = text.Trim();
        if (text.SequenceEqual("running")) { line = new SyscallLine(true, -1, []); return true; }
        Span<Range> f = stackalloc Range[10];
        int n = text.Split(f, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (n < 1 || !long.TryParse(text[f[0]], out long nr)) return false;
        if (nr < 0) { line = new SyscallLine(false, -1, []); return true; }
        if (n < 7) return false;
        var args = new ulong[6];
        for (int i = 0; i < 6; i++)
            if (!TryHex(text[f[i + 1]], out args[i])) return false;
        line = new SyscallLine(false, nr, args);
        return true;
    }

    private static bool TryHex(ReadOnlySpan<char> s, out ulong v)
    {
        if (s.StartsWith("0x")) s = s[2..];
        return ulong.TryParse(s, NumberStyles.HexNumber, null, out v);
    }
}

/// <summary>/proc/PID/task/TID/sched: se.exec_start is when the thread last got the CPU, in
/// milliseconds of the scheduler clock (CLOCK_MONOTONIC up to drift).</summary>
internal static class SchedText
{
    public static double? ExecStartMs(ReadOnlySpan<char> text)
    {
        foreach (var line in text.EnumerateLines())
        {
            if (!line.StartsWith("se.exec_start")) continue;
            int colon = line.IndexOf(':');
            if (colon > 0 && double.TryParse(line[(colon + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
                return ms;
        }
        return null;
    }
}

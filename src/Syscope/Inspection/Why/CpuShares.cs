using System.Diagnostics;
using Syscope.Inspection.Procfs;

namespace Syscope.Inspection.Why;

/// <summary>How busy the running threads are: their time on a CPU from /proc/PID/task/TID/schedstat
/// (nanoseconds, first field) read twice, one second apart.  Reading it does not disturb them.</summary>
internal static class CpuShares
{
    public const double WindowSeconds = 1.0;

    public static List<ThreadReport> Sample(int pid, List<ThreadReport> threads)
    {
        var before = threads.Where(t => t.State == 'R').ToDictionary(t => t.Tid, t => OnCpuNs(pid, t.Tid));
        long start = Stopwatch.GetTimestamp();
        Thread.Sleep(TimeSpan.FromSeconds(WindowSeconds));
        double elapsedNs = Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        return threads.Select(t => before.TryGetValue(t.Tid, out long? b) && b is long b0 && OnCpuNs(pid, t.Tid) is long b1
            ? t with { CpuShare = Math.Clamp((b1 - b0) / elapsedNs, 0, 1) } : t).ToList();
    }

    private static long? OnCpuNs(int pid, int tid)
    {
        string? text = ProcText.TryRead($"/proc/{pid}/task/{tid}/schedstat");
        if (text == null) return null;
        int space = text.IndexOf(' ');
        return long.TryParse(space > 0 ? text.AsSpan(0, space) : text.AsSpan().Trim(), out long ns) ? ns : null;
    }
}

using System.Runtime.InteropServices;
using Syscope.Kernel.Abi;

namespace Syscope.Interop;

/// <summary>clock_gettime(2) and sysconf(3) for the clocks /proc counts in.</summary>
internal static unsafe partial class Clock
{
    private const int CLOCK_MONOTONIC = 1, CLOCK_BOOTTIME = 7, _SC_CLK_TCK = 2;

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, Timespec* ts);

    [LibraryImport("libc", EntryPoint = "sysconf", SetLastError = true)]
    private static partial long Sysconf(int name);

    private static double Read(int clock)
    {
        Timespec ts;
        if (ClockGetTime(clock, &ts) != 0) throw SyscallException.FromLast("clock_gettime");
        return ts.Sec + ts.Nsec / 1e9;
    }

    /// <summary>Seconds since boot, suspend included: the clock of /proc/PID/stat's starttime.</summary>
    public static double BootSeconds() => Read(CLOCK_BOOTTIME);

    /// <summary>Seconds of CLOCK_MONOTONIC: close to the scheduler clock of /proc/PID/sched.</summary>
    public static double MonotonicSeconds() => Read(CLOCK_MONOTONIC);

    /// <summary>Seconds on a clock a process named in a deadline (REALTIME, MONOTONIC, BOOTTIME,
    /// TAI); null for any other id, which the caller did not expect.</summary>
    public static double? Now(int clock) => clock is 0 or 1 or 7 or 11 ? Read(clock) : null;

    /// <summary>CLOCK_MONOTONIC in nanoseconds: the clock of trace events (ptrace stops and
    /// bpf_ktime_get_ns alike).</summary>
    public static long MonotonicNs()
    {
        Timespec ts;
        if (ClockGetTime(CLOCK_MONOTONIC, &ts) != 0) throw SyscallException.FromLast("clock_gettime");
        return ts.Sec * 1_000_000_000 + ts.Nsec;
    }

    /// <summary>USER_HZ, the unit of the tick counts in /proc/PID/stat.</summary>
    public static long TicksPerSecond()
    {
        long hz = Sysconf(_SC_CLK_TCK);
        return hz > 0 ? hz : 100;
    }
}

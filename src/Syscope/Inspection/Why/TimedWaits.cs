using Syscope.Events;
using Syscope.Syscalls;

namespace Syscope.Inspection.Why;

/// <summary>The timeout of a blocked call and how much of it is left: relative timeouts count from
/// when the thread went to sleep (its time off the CPU), absolute ones from the clock they name.</summary>
internal static class TimedWaits
{
    private const int TimerAbstime = 1, FutexClockRealtime = 256;

    /// <summary>"timeout 60 s, 57 s left", "21 s left" (absolute deadlines), or null for a call
    /// that waits forever or has no timeout.</summary>
    public static string? Describe(SyscallInfo info, ulong[] a, ITraceeMemory m, double? waited)
    {
        double w = waited ?? 0;
        return info.Number switch
        {
            Sys.poll => Relative(Milliseconds(a[2]), w),
            Sys.epoll_wait or Sys.epoll_pwait => Relative(Milliseconds(a[3]), w),
            Sys.ppoll => Relative(Timespec(m, a[2]), w),
            Sys.pselect6 => Relative(Timespec(m, a[4]), w),
            Sys.epoll_pwait2 => Relative(Timespec(m, a[3]), w),
            Sys.select => Relative(Timeval(m, a[4]), w),
            Sys.nanosleep => Relative(Timespec(m, a[0]), w),
            Sys.clock_nanosleep => ((int)a[1] & TimerAbstime) != 0 ? Absolute(Timespec(m, a[2]), (int)a[0]) : Relative(Timespec(m, a[2]), w),
            Sys.futex => Futex(a, m, w),
            _ => null,
        };
    }

    /// <summary>FUTEX_WAIT takes a relative timeout; the bitset, PI and requeue waits an absolute
    /// one, on CLOCK_MONOTONIC unless FUTEX_CLOCK_REALTIME is set (FUTEX_LOCK_PI always realtime).</summary>
    private static string? Futex(ulong[] a, ITraceeMemory m, double waited)
    {
        int op = (int)a[1];
        int cmd = op & 0x7f;
        if (cmd == FutexWaits.Wait) return Relative(Timespec(m, a[3]), waited);
        if (cmd is not (FutexWaits.WaitBitset or FutexWaits.LockPi or FutexWaits.LockPi2 or FutexWaits.WaitRequeuePi)) return null;
        bool realtime = cmd == FutexWaits.LockPi || (op & FutexClockRealtime) != 0;
        return Absolute(Timespec(m, a[3]), realtime ? 0 : 1);
    }

    private static double? Milliseconds(ulong arg) => (int)arg < 0 ? null : (int)arg / 1000.0;

    private static double? Timespec(ITraceeMemory m, ulong addr) => Pair(m, addr, 1e-9);

    private static double? Timeval(ITraceeMemory m, ulong addr) => Pair(m, addr, 1e-6);

    /// <summary>struct timespec and struct timeval: two longs, seconds and a fraction.</summary>
    private static double? Pair(ITraceeMemory m, ulong addr, double unit)
    {
        if (addr == 0) return null;
        Span<byte> buf = stackalloc byte[16];
        if (m.Read(addr, buf) < 16) return null;
        return BitConverter.ToInt64(buf) + BitConverter.ToInt64(buf[8..]) * unit;
    }

    private static string? Relative(double? timeout, double waited) =>
        timeout is double t ? $"timeout {WhyFormatter.Duration(t)}, {WhyFormatter.Duration(Math.Max(0, t - waited))} left" : null;

    /// <summary>A deadline on CLOCK_REALTIME (0), CLOCK_MONOTONIC (1), CLOCK_BOOTTIME (7) or CLOCK_TAI (11).</summary>
    private static string? Absolute(double? deadline, int clock)
    {
        if (deadline is not double d || Interop.Clock.Now(clock) is not double now) return null;
        return $"{WhyFormatter.Duration(Math.Max(0, d - now))} left";
    }
}

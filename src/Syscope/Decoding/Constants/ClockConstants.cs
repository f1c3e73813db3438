namespace Syscope.Decoding.Constants;

/// <summary>Clocks and timers (&lt;linux/time.h&gt;).</summary>
public static class ClockConstants
{
    public static readonly ValueSet Clocks = new("CLOCK_???", false,
        new(0, "CLOCK_REALTIME"), new(1, "CLOCK_MONOTONIC"), new(2, "CLOCK_PROCESS_CPUTIME_ID"),
        new(3, "CLOCK_THREAD_CPUTIME_ID"), new(4, "CLOCK_MONOTONIC_RAW"), new(5, "CLOCK_REALTIME_COARSE"),
        new(6, "CLOCK_MONOTONIC_COARSE"), new(7, "CLOCK_BOOTTIME"), new(8, "CLOCK_REALTIME_ALARM"),
        new(9, "CLOCK_BOOTTIME_ALARM"), new(11, "CLOCK_TAI"));

    public static readonly FlagSet TimerFlags = new("TIMER_???", null, new Named(1, "TIMER_ABSTIME"));

    /// <summary>&lt;asm-generic/siginfo.h&gt; sigevent notification kinds.</summary>
    public static readonly ValueSet SigevNotify = new("SIGEV_???", false,
        new(0, "SIGEV_SIGNAL"), new(1, "SIGEV_NONE"), new(2, "SIGEV_THREAD"), new(4, "SIGEV_THREAD_ID"));

    public const int SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;

    public static readonly ValueSet Itimers = new("ITIMER_???", false,
        new(0, "ITIMER_REAL"), new(1, "ITIMER_VIRTUAL"), new(2, "ITIMER_PROF"));
}

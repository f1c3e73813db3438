namespace Syscope.Decoding.Constants;

/// <summary>Clocks and timers (&lt;linux/time.h&gt;).</summary>
internal static class ClockConstants
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

    public const int SIGEV_SIGNAL = 0, SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;

    public static readonly ValueSet Itimers = new("ITIMER_???", false,
        new(0, "ITIMER_REAL"), new(1, "ITIMER_VIRTUAL"), new(2, "ITIMER_PROF"));

    /// <summary>struct timex modes (&lt;linux/timex.h&gt;); the single-shot modes include ADJ_OFFSET.</summary>
    public static readonly FlagSet AdjModes = new("ADJ_???", null,
        new(0xa001, "ADJ_OFFSET_SS_READ"), new(0x8001, "ADJ_OFFSET_SINGLESHOT"), new(0x1, "ADJ_OFFSET"),
        new(0x2, "ADJ_FREQUENCY"), new(0x4, "ADJ_MAXERROR"), new(0x8, "ADJ_ESTERROR"), new(0x10, "ADJ_STATUS"),
        new(0x20, "ADJ_TIMECONST"), new(0x80, "ADJ_TAI"), new(0x100, "ADJ_SETOFFSET"), new(0x1000, "ADJ_MICRO"),
        new(0x2000, "ADJ_NANO"), new(0x4000, "ADJ_TICK"));

    public static readonly FlagSet TimexStatus = new("STA_???", null,
        new(0x1, "STA_PLL"), new(0x2, "STA_PPSFREQ"), new(0x4, "STA_PPSTIME"), new(0x8, "STA_FLL"),
        new(0x10, "STA_INS"), new(0x20, "STA_DEL"), new(0x40, "STA_UNSYNC"), new(0x80, "STA_FREQHOLD"),
        new(0x100, "STA_PPSSIGNAL"), new(0x200, "STA_PPSJITTER"), new(0x400, "STA_PPSWANDER"), new(0x800, "STA_PPSERROR"),
        new(0x1000, "STA_CLOCKERR"), new(0x2000, "STA_NANO"), new(0x4000, "STA_MODE"), new(0x8000, "STA_CLK"));

    /// <summary>What adjtimex and clock_adjtime return: the clock's state.</summary>
    public static readonly ValueSet ClockStates = new("TIME_???", false,
        new(0, "TIME_OK"), new(1, "TIME_INS"), new(2, "TIME_DEL"), new(3, "TIME_OOP"), new(4, "TIME_WAIT"), new(5, "TIME_ERROR"));
}

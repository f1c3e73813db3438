namespace Syscope.Decoding.Constants;

/// <summary>Scheduling policies and sched_attr flags.</summary>
internal static class SchedConstants
{
    /// <summary>&lt;linux/sched.h&gt; scheduling policies; SCHED_ISO (4) is reserved there, but
    /// strace names it.</summary>
    public static readonly ValueSet Policies = new("SCHED_???", false,
        new(0, "SCHED_OTHER"), new(1, "SCHED_FIFO"), new(2, "SCHED_RR"), new(3, "SCHED_BATCH"),
        new(4, "SCHED_ISO"), new(5, "SCHED_IDLE"), new(6, "SCHED_DEADLINE"));

    /// <summary>&lt;linux/sched.h&gt; struct sched_attr's sched_flags.</summary>
    public static readonly FlagSet AttrFlags = new("SCHED_FLAG_???", null,
        new(0x01, "SCHED_FLAG_RESET_ON_FORK"), new(0x02, "SCHED_FLAG_RECLAIM"), new(0x04, "SCHED_FLAG_DL_OVERRUN"),
        new(0x08, "SCHED_FLAG_KEEP_POLICY"), new(0x10, "SCHED_FLAG_KEEP_PARAMS"),
        new(0x20, "SCHED_FLAG_UTIL_CLAMP_MIN"), new(0x40, "SCHED_FLAG_UTIL_CLAMP_MAX"));

    public const ulong SCHED_FLAG_KEEP_POLICY = 0x08, SCHED_FLAG_KEEP_PARAMS = 0x10;
}

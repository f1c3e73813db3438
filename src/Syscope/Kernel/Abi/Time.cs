using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>A timespec as 64-bit x86 passes it; timeval (tv_usec) has the same two longs, and is
/// read through this struct too.</summary>
[CLayout("struct __kernel_timespec", "linux/time_types.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    [CField("tv_sec")] public long Sec;
    [CField("tv_nsec")] public long Nsec;
}

/// <summary>A timer's interval and next expiry; itimerval (two timevals) has the same layout.</summary>
[CLayout("struct __kernel_itimerspec", "linux/time_types.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Itimerspec
{
    [CField("it_interval")] public Timespec Interval;
    [CField("it_value")] public Timespec Value;
}

/// <summary>adjtimex(2) and clock_adjtime(2)'s clock state.</summary>
[CLayout("struct __kernel_timex", "linux/timex.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Timex
{
    [CField("modes")] public int Modes;
    [CField("offset")] public long Offset;
    [CField("freq")] public long Freq;
    [CField("maxerror")] public long MaxError;
    [CField("esterror")] public long EstError;
    [CField("status")] public int Status;
    [CField("constant")] public long Constant;
    [CField("precision")] public long Precision;
    [CField("tolerance")] public long Tolerance;
    [CField("time.tv_sec")] public long TimeSec;
    [CField("time.tv_usec")] public long TimeUsec;
    [CField("tick")] public long Tick;
    [CField("ppsfreq")] public long PpsFreq;
    [CField("jitter")] public long Jitter;
    [CField("shift")] public int Shift;
    [CField("stabil")] public long Stabil;
    [CField("jitcnt")] public long JitCnt;
    [CField("calcnt")] public long CalCnt;
    [CField("errcnt")] public long ErrCnt;
    [CField("stbcnt")] public long StbCnt;
    [CField("tai")] public int Tai;
    private fixed int _reserved[11];
}

/// <summary>glibc's broken-down time (localtime_r(3), strftime(3)); never shared with the kernel,
/// but a C library structure all the same, so checked against C like the kernel's.</summary>
[CLayout("struct tm", "time.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Tm
{
    [CField("tm_sec")] public int Sec;
    [CField("tm_min")] public int Min;
    [CField("tm_hour")] public int Hour;
    [CField("tm_mday")] public int MonthDay;
    [CField("tm_mon")] public int Month;
    [CField("tm_year")] public int Year;
    [CField("tm_wday")] public int WeekDay;
    [CField("tm_yday")] public int YearDay;
    [CField("tm_isdst")] public int IsDst;
    [CField("tm_gmtoff")] public long GmtOffset;
    [CField("tm_zone")] public nint Zone;
}

/// <summary>gettimeofday(2)'s and settimeofday(2)'s obsolete time zone.</summary>
[CLayout("struct timezone", "sys/time.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Timezone
{
    [CField("tz_minuteswest")] public int MinutesWest;
    [CField("tz_dsttime")] public int DstTime;
}

/// <summary>utime(2)'s times.</summary>
[CLayout("struct utimbuf", "utime.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Utimbuf
{
    [CField("actime")] public long Actime;
    [CField("modtime")] public long Modtime;
}

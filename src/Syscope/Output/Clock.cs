using System.Diagnostics;

namespace Syscope.Output;

/// <summary>Turns the backends' monotonic stamps into wall-clock time without a clock call per line:
/// wall time is taken once and advanced by the monotonic difference.</summary>
public sealed class Clock
{
    private readonly long _mono0 = Stopwatch.GetTimestamp();
    private readonly long _unixTicks0 = DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks;
    private readonly long _localOffsetTicks = TimeZoneInfo.Local.GetUtcOffset(DateTime.UtcNow).Ticks;

    /// <summary>Microseconds since the Unix epoch at monotonic stamp t.</summary>
    public long UnixMicros(long t)
    {
        long ticks = _unixTicks0 + (long)((t - _mono0) * (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        return ticks / 10;
    }

    /// <summary>Microseconds since local midnight.</summary>
    public long LocalMicrosOfDay(long t)
    {
        long local = UnixMicros(t) + _localOffsetTicks / 10;
        const long Day = 86_400_000_000L;
        return ((local % Day) + Day) % Day;
    }

    public static long Micros(long stopwatchTicks) => (long)(stopwatchTicks * 1_000_000.0 / Stopwatch.Frequency);
}

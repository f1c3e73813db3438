using Syscope.Events;
using Syscope.Interop;

namespace Syscope.Tracing;

/// <summary>The running system's own answers, looked up when asked: what a live backend offers.</summary>
public sealed class LiveHostFacts : IHostFacts
{
    public static readonly LiveHostFacts Instance = new();

    /// <summary>The kernel's default, when /proc/sys/kernel/pid_max cannot be read.</summary>
    private const int DefaultPidMax = 32768;
    private int _pidMax;
    private WallClockAnchor? _wallClock;

    public int InterfaceName(uint index, Span<byte> destination) => NetInterfaces.NameOf(index, destination);

    public int PidMax => _pidMax != 0 ? _pidMax : _pidMax = ReadPidMax();

    // Taken at first use: the time-zone setup costs milliseconds of start-up, which only -t, -tt,
    // -ttt and JSON need.
    public WallClockAnchor WallClock => _wallClock ??= ReadWallClock();

    private static int ReadPidMax()
    {
        try { return int.TryParse(File.ReadAllText("/proc/sys/kernel/pid_max").Trim(), out int v) && v > 0 ? v : DefaultPidMax; }
        catch (IOException) { return DefaultPidMax; }
    }

    private static WallClockAnchor ReadWallClock()
    {
        long mono = Clock.MonotonicNs();
        var utc = DateTime.UtcNow;
        long unixNs = (utc.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        return new WallClockAnchor(mono, unixNs, TimeZoneInfo.Local.GetUtcOffset(utc).Ticks * 100);
    }
}

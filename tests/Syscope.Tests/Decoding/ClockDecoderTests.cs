using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class ClockDecoderTests
{
    /// <summary>strace 6.1's xettimeofday test: the time zone is a structure too.</summary>
    [Fact]
    public void Time_of_day_with_its_time_zone()
    {
        var m = new FakeMemory();
        ulong tv = m.Longs(unchecked((long)0xcafef00ddeadbeef), unchecked((long)0xbadc0dedfacefeed)), tz = m.Ints(-60, 1);
        Assert.Equal("gettimeofday({tv_sec=-3819351491602432273, tv_usec=13464652301697220333}, {tz_minuteswest=-60, tz_dsttime=1}) = 0",
            Of("gettimeofday", [tv, tz], 0, m));
        Assert.Equal("gettimeofday({tv_sec=-3819351491602432273, tv_usec=13464652301697220333}, NULL) = 0", Of("gettimeofday", [tv, 0], 0, m));
        Assert.Equal($"settimeofday({{tv_sec=-3819351491602432273, tv_usec=13464652301697220333}}, 0x{tz + 4:x}) = -1 EINVAL (Invalid argument)",
            Of("settimeofday", [tv, tz + 4], -22, m));
    }

    [Fact]
    public void Clocks_and_sleeps()
    {
        var m = new FakeMemory();
        ulong ts = m.Longs(1032, 449254276);
        Assert.Equal("clock_gettime(CLOCK_MONOTONIC, {tv_sec=1032, tv_nsec=449254276}) = 0", Of("clock_gettime", [1, ts], 0, m));
        Assert.Equal("clock_gettime(0x63 /* CLOCK_??? */, NULL) = -1 EINVAL (Invalid argument)", Of("clock_gettime", [99, 0], -22));
        ulong req = m.Longs(0, 1000);
        Assert.Equal("nanosleep({tv_sec=0, tv_nsec=1000}, NULL) = 0", Of("nanosleep", [req, 0], 0, m));
        Assert.Equal("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME|0xfe, NULL, NULL) = -1 EFAULT (Bad address)",
            Of("clock_nanosleep", [1, 0xff, 0, 0], -14));
        Assert.Equal("setitimer(0x9 /* ITIMER_??? */, NULL, NULL) = -1 EINVAL (Invalid argument)", Of("setitimer", [9, 0, 0], -22));
    }

    [Fact]
    public void Posix_timers()
    {
        var m = new FakeMemory();
        ulong ev = m.Put([0, 0, 0, 0, 0, 0, 0, 0, 14, 0, 0, 0, 0, 0, 0, 0, .. new byte[48]]);
        ulong id = m.Ints(0);
        Assert.Equal("timer_create(CLOCK_REALTIME, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [0]) = 0", Of("timer_create", [0, ev, id], 0, m));
        ulong its = m.Longs(0, 0, 1, 0);
        Assert.Equal("timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=0}}, NULL) = 0",
            Of("timer_settime", [0, 0, its, 0], 0, m));
    }

    [Fact]
    public void Time_dates_the_seconds_it_wrote_and_its_result()
    {
        var m = new FakeMemory();
        ulong t = m.Longs(1796106118);
        Assert.Equal("time(NULL) = 1796106118 (2026-12-01T06:21:58+0000)", Of("time", [0], 1796106118, m));
        Assert.Equal("time([1796106118 /* 2026-12-01T06:21:58+0000 */]) = 1796106118 (2026-12-01T06:21:58+0000)", Of("time", [t], 1796106118, m));
        Assert.Equal("time(0x1) = -1 EFAULT (Bad address)", Of("time", [1], -14, m));
    }
}

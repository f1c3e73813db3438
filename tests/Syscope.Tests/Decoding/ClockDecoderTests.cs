using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class ClockDecoderTests
{
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
}

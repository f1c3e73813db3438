using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>sendmmsg/recvmmsg (Differential/Programs/vectored.c) and rt_sigtimedwait (sched.c), as
/// strace 6.1 printed them.</summary>
public class MmsgAndSigwaitDecoderTests
{
    private const string One = "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one\", iov_len=3}, {iov_base=\"-1\", iov_len=2}], msg_iovlen=2, msg_controllen=0, msg_flags=0}";
    private const string Second = "{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"second message\", iov_len=14}], msg_iovlen=1, msg_controllen=0, msg_flags=0}";

    private static ulong Messages(FakeMemory m, int lenOne, int lenSecond)
    {
        ulong m1 = m.Longs((long)m.Str("one"), 3, (long)m.Str("-1"), 2), m2 = m.Longs((long)m.Str("second message"), 14);
        return m.Longs(0, 0, (long)m1, 2, 0, 0, 0, lenOne, 0, 0, (long)m2, 1, 0, 0, 0, lenSecond);
    }

    [Fact]
    public void Sendmmsg_shows_msg_len_of_messages_sent()
    {
        var m = new FakeMemory();
        ulong vec = Messages(m, 5, 14);
        Assert.Equal($"sendmmsg(4, [{One}, msg_len=5}}, {Second}, msg_len=14}}], 2, MSG_DONTWAIT) = 2", Of("sendmmsg", [4, vec, 2, 0x40], 2, m));
        Assert.Equal($"sendmmsg(6, [{One}}}, {Second}}}], 2, MSG_NOSIGNAL) = -1 EPIPE (Broken pipe)", Of("sendmmsg", [6, vec, 2, 0x4000], -32, m));
        Assert.Equal("sendmmsg(4, 0x8, 2, 0) = -1 EFAULT (Bad address)", Of("sendmmsg", [4, 8, 2, 0], -14, m));
        Assert.Equal("sendmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"o\"..., iov_len=3}, ...], msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=5}, ...], 2, 0) = 2",
            Of("sendmmsg", [4, vec, 2, 0], 2, m, new Syscope.Decoding.DecodeOptions { StringLimit = 1 }));
    }

    [Fact]
    public void Recvmmsg_shows_messages_received_and_the_timeout_given()
    {
        var m = new FakeMemory();
        ulong i1 = m.Longs((long)m.Str("one-"), 4, (long)m.Str("1"), 16), i2 = m.Longs((long)m.Str("second message"), 32);
        ulong vec = m.Longs(0, 0, (long)i1, 2, 0, 0, 0, 5, 0, 0, (long)i2, 1, 0, 0, 0, 14);
        ulong timeout = m.Longs(1, 5);
        // The timeout printed is the one given at entry; "left" is what the kernel wrote back.
        var entry = new TimeoutRewriter(m, timeout);
        Assert.Equal("recvmmsg(5, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"one-\", iov_len=4}, {iov_base=\"1\", iov_len=16}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"second message\", iov_len=32}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=14}], 2, MSG_DONTWAIT, {tv_sec=1, tv_nsec=5}) = 2 (left {tv_sec=0, tv_nsec=999998152})",
            Of("recvmmsg", [5, vec, 2, 0x40, timeout], 2, entry));
        Assert.Equal("recvmmsg(5, 0x7ffd00000000, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)",
            Of("recvmmsg", [5, 0x7ffd00000000, 2, 0x40, 0], -11, m));
        Assert.Equal("recvmmsg(5, 0x8, 2, 0, 0x10) = -1 EFAULT (Bad address)", Of("recvmmsg", [5, 8, 2, 0, 16], -14, m));
    }

    [Fact]
    public void Rt_sigtimedwait_names_the_signal_it_returns()
    {
        var m = new FakeMemory();
        ulong set = m.Longs(1 << 9 | 1L << 35);
        ulong t = m.Longs(0, 1000);
        var si = new Syscope.Kernel.Abi.SigInfo { Signo = 10, Code = 0, Pid = 42, Uid = 0 };
        ulong info = m.Struct(si);
        Assert.Equal("rt_sigtimedwait([USR1 RT_4], {si_signo=SIGUSR1, si_code=SI_USER, si_pid=42, si_uid=0}, {tv_sec=0, tv_nsec=1000}, 8) = 10 (SIGUSR1)",
            Of("rt_sigtimedwait", [set, info, t, 8], 10, m));
        Assert.Equal("rt_sigtimedwait([USR1 RT_4], 0x7ffd00002000, {tv_sec=0, tv_nsec=1000}, 8) = -1 EAGAIN (Resource temporarily unavailable)",
            Of("rt_sigtimedwait", [set, 0x7ffd00002000, t, 8], -11, m));
        Assert.Equal("rt_sigtimedwait([USR1 RT_4], NULL, NULL, 8) = 10 (SIGUSR1)", Of("rt_sigtimedwait", [set, 0, 0, 8], 10, m));
        Assert.Equal("rt_sigtimedwait(0x7ffd00001000, 0x7ffd00002000, {tv_sec=0, tv_nsec=1000}, 4) = -1 EINVAL (Invalid argument)",
            Of("rt_sigtimedwait", [set, 0x7ffd00002000, t, 4], -22, m));
        Assert.Equal("rt_sigtimedwait([USR1 RT_4], NULL, 0x8, 8) = -1 EFAULT (Bad address)", Of("rt_sigtimedwait", [set, 0, 8, 8], -14, m));
    }

    /// <summary>recvmmsg's msg_namelen as the caller set it at entry and as the kernel wrote it
    /// ("msg_namelen=0 => 38"): the entry keeps each message's, as strace does.</summary>
    [Fact]
    public void Recvmmsg_shows_each_messages_name_length_given_and_returned()
    {
        var m = new FakeMemory();
        ulong name = m.Put(new byte[16]);
        ulong iov = m.Longs((long)m.Str("x"), 1);
        ulong vec = m.Longs((long)name, 0, (long)iov, 1, 0, 0, 0, 1);
        var memory = new NameLengthRewriter(m, vec, 110);
        Assert.Equal("recvmmsg(5, [{msg_hdr={msg_name=0x" + name.ToString("x") + ", msg_namelen=0 => 110, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}], 1, MSG_DONTWAIT, NULL) = 1",
            Of("recvmmsg", [5, vec, 1, 0x40, 0], 1, memory));
    }

    /// <summary>Memory whose first msghdr's msg_namelen the kernel sets after the entry's read.</summary>
    private sealed class NameLengthRewriter(FakeMemory inner, ulong msghdr, uint returned) : Syscope.Events.ITraceeMemory
    {
        private int _reads;

        public int Read(ulong address, Span<byte> destination)
        {
            int n = inner.Read(address, destination);
            if (address == msghdr && n >= 12 && _reads++ > 0) BitConverter.TryWriteBytes(destination[8..], returned);
            return n;
        }
    }

    /// <summary>Memory whose timespec changes between entry and exit, as recvmmsg's does.</summary>
    private sealed class TimeoutRewriter(FakeMemory inner, ulong timeout) : Syscope.Events.ITraceeMemory
    {
        private int _reads;

        public int Read(ulong address, Span<byte> destination)
        {
            int n = inner.Read(address, destination);
            if (address == timeout && n == 16 && _reads++ > 0)
            {
                BitConverter.TryWriteBytes(destination, 0L);
                BitConverter.TryWriteBytes(destination[8..], 999998152L);
            }
            return n;
        }
    }
}

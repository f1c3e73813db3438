using System.Runtime.InteropServices;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

public class SignalDecoderTests
{
    private static ulong Sigaction(FakeMemory m, ulong handler, ulong flags, ulong restorer, ulong mask) =>
        m.Longs((long)handler, (long)flags, (long)restorer, (long)mask);

    [Fact]
    public void Rt_sigaction_new_and_old()
    {
        var m = new FakeMemory();
        ulong act = Sigaction(m, 0, 0x14000000, 0x7f0000001234, 1UL << 16);
        ulong old = Sigaction(m, 0, 0, 0, 0);
        Assert.Equal("rt_sigaction(SIGCHLD, {sa_handler=SIG_DFL, sa_mask=[CHLD], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f0000001234}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0",
            Of("rt_sigaction", [17, act, old, 8], 0, m));
        ulong all = Sigaction(m, 1, 0xffffffff, 0x1234, 0);
        Assert.Equal("rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER|SA_ONSTACK|SA_RESTART|SA_INTERRUPT|SA_NODEFER|SA_RESETHAND|SA_SIGINFO|SA_NOCLDSTOP|SA_NOCLDWAIT|0x3fffff8, sa_restorer=0x1234}, NULL, 8) = 0",
            Of("rt_sigaction", [10, all, 0, 8], 0, m));
    }

    [Fact]
    public void Signal_sets_invert_past_half()
    {
        var m = new FakeMemory();
        ulong few = m.Longs((1 << 0) | (1 << 1) | (1 << 12) | (1 << 14) | (1 << 23) | (1 << 24));
        ulong most = m.Longs(unchecked((long)~((1UL << 8) | (1UL << 31) | (1UL << 32))));
        ulong all = m.Longs(-1);
        Assert.Equal("rt_sigprocmask(SIG_BLOCK, [HUP INT PIPE TERM XCPU XFSZ], NULL, 8) = 0", Of("rt_sigprocmask", [0, few, 0, 8], 0, m));
        Assert.Equal("rt_sigprocmask(SIG_BLOCK, ~[KILL RTMIN RT_1], NULL, 8) = 0", Of("rt_sigprocmask", [0, most, 0, 8], 0, m));
        Assert.Equal("rt_sigprocmask(SIG_SETMASK, ~[], NULL, 8) = 0", Of("rt_sigprocmask", [2, all, 0, 8], 0, m));
        Assert.Equal("rt_sigprocmask(0x10 /* SIG_??? */, NULL, NULL, 8) = 0", Of("rt_sigprocmask", [0x10, 0, 0, 8], 0, m));
    }

    [Fact]
    public void Kill_and_tgkill()
    {
        Assert.Equal("kill(0, 0) = 0", Of("kill", [0, 0], 0));
        Assert.Equal("kill(2147483647, 99) = -1 ESRCH (No such process)", Of("kill", [0x7fffffff, 99], -3));
        Assert.Equal("tgkill(1, 2, SIGTERM) = -1 ESRCH (No such process)", Of("tgkill", [1, 2, 15], -3));
    }

    [Fact]
    public void Rt_sigreturn_reads_the_mask_from_the_frame()
    {
        var m = new FakeMemory();
        var frame = new byte[304];
        MemoryMarshal.Write(frame.AsSpan(296), 1UL << 1);
        ulong sp = m.Put(frame);
        Assert.Equal("rt_sigreturn({mask=[INT]}) = 0", Of("rt_sigreturn", [], 0, m, sp: sp));
    }
}

using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>Scheduling and capability calls, as strace 6.1 printed them for Differential/Programs/sched.c.</summary>
public class SchedDecoderTests
{
    /// <summary>struct sched_attr as sched.c fills it: size, policy, flags, nice, priority,
    /// runtime, deadline, period, util_min, util_max, then 8 spare bytes.</summary>
    private static ulong Attr(FakeMemory m, uint size, uint policy, ulong flags, int nice, uint prio, ulong runtime, ulong deadline, ulong period, uint umin = 0, uint umax = 0)
    {
        var b = new byte[64];
        BitConverter.TryWriteBytes(b.AsSpan(0), size);
        BitConverter.TryWriteBytes(b.AsSpan(4), policy);
        BitConverter.TryWriteBytes(b.AsSpan(8), flags);
        BitConverter.TryWriteBytes(b.AsSpan(16), nice);
        BitConverter.TryWriteBytes(b.AsSpan(20), prio);
        BitConverter.TryWriteBytes(b.AsSpan(24), runtime);
        BitConverter.TryWriteBytes(b.AsSpan(32), deadline);
        BitConverter.TryWriteBytes(b.AsSpan(40), period);
        BitConverter.TryWriteBytes(b.AsSpan(48), umin);
        BitConverter.TryWriteBytes(b.AsSpan(52), umax);
        return m.Put(b);
    }

    [Fact]
    public void Policies_params_and_priority_ranges()
    {
        var m = new FakeMemory();
        ulong p = m.Ints(0);
        Assert.Equal("sched_getparam(0, [0]) = 0", Of("sched_getparam", [0, p], 0, m));
        Assert.Equal("sched_getparam(0, 0x8) = -1 EFAULT (Bad address)", Of("sched_getparam", [0, 8], -14, m));
        Assert.Equal("sched_setparam(0, [0]) = 0", Of("sched_setparam", [0, p], 0, m));
        Assert.Equal("sched_getscheduler(0) = 0 (SCHED_OTHER)", Of("sched_getscheduler", [0], 0, m));
        Assert.Equal("sched_getscheduler(0) = 1073741824", Of("sched_getscheduler", [0], 0x40000000, m));
        Assert.Equal("sched_setscheduler(0, SCHED_BATCH, [0]) = 0", Of("sched_setscheduler", [0, 3, p], 0, m));
        Assert.Equal("sched_setscheduler(0, 0x40000000 /* SCHED_??? */, [0]) = 0", Of("sched_setscheduler", [0, 0x40000000, p], 0, m));
        Assert.Equal("sched_setscheduler(0, SCHED_OTHER, NULL) = -1 EINVAL (Invalid argument)", Of("sched_setscheduler", [0, 0, 0], -22, m));
        Assert.Equal("sched_setscheduler(0, SCHED_ISO, [0]) = -1 EINVAL (Invalid argument)", Of("sched_setscheduler", [0, 4, p], -22, m));
        Assert.Equal("sched_get_priority_max(SCHED_FIFO) = 99", Of("sched_get_priority_max", [1], 99, m));
        Assert.Equal("sched_get_priority_min(SCHED_RR) = 1", Of("sched_get_priority_min", [2], 1, m));
        Assert.Equal("sched_get_priority_max(0x63 /* SCHED_??? */) = -1 EINVAL (Invalid argument)", Of("sched_get_priority_max", [99], -22, m));
        Assert.Equal("sched_rr_get_interval(0, {tv_sec=0, tv_nsec=0}) = 0", Of("sched_rr_get_interval", [0, m.Longs(0, 0)], 0, m));
    }

    [Fact]
    public void Sched_attr_prints_up_to_its_size()
    {
        var m = new FakeMemory();
        Assert.Equal("sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=0, sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 56, 0) = 0",
            Of("sched_getattr", [0, Attr(m, 56, 0, 1, 0, 0, 1400000, 0, 0), 56, 0], 0, m));
        Assert.Equal("sched_getattr(0, {size=48, sched_policy=SCHED_BATCH, sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=3, sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0}, 48, 0) = 0",
            Of("sched_getattr", [0, Attr(m, 48, 3, 1, 3, 0, 1400000, 0, 0), 48, 0], 0, m));
        Assert.Equal("sched_getattr(0, 0x7ffd00000000, 56, 3) = -1 EINVAL (Invalid argument)", Of("sched_getattr", [0, 0x7ffd00000000, 56, 3], -22, m));
        Assert.Equal("sched_getattr(0, NULL, 56, 0) = -1 EINVAL (Invalid argument)", Of("sched_getattr", [0, 0, 56, 0], -22, m));
        Assert.Equal("sched_setattr(0, {size=48, sched_policy=SCHED_DEADLINE, sched_flags=SCHED_FLAG_DL_OVERRUN|0x1000, sched_nice=3, sched_priority=0, sched_runtime=1000000, sched_deadline=2000000, sched_period=3000000}, 0) = -1 EINVAL (Invalid argument)",
            Of("sched_setattr", [0, Attr(m, 48, 6, 0x1004, 3, 0, 1000000, 2000000, 3000000), 0], -22, m));
        Assert.Equal("sched_setattr(0, {size=56, sched_policy=0x63 /* SCHED_??? */, sched_flags=0x100 /* SCHED_FLAG_??? */, sched_nice=-2, sched_priority=0, sched_runtime=1, sched_deadline=2, sched_period=3, sched_util_min=4, sched_util_max=5}, 0) = -1 EINVAL (Invalid argument)",
            Of("sched_setattr", [0, Attr(m, 56, 99, 0x100, -2, 0, 1, 2, 3, 4, 5), 0], -22, m));
        Assert.Equal("sched_setattr(0, NULL, 0) = -1 EINVAL (Invalid argument)", Of("sched_setattr", [0, 0, 0], -22, m));
        Assert.Equal("sched_setattr(0, 0x8, 0) = -1 EFAULT (Bad address)", Of("sched_setattr", [0, 8, 0], -14, m));
    }

    [Fact]
    public void Sched_attr_keep_flags_larger_sizes_and_E2BIG()
    {
        var m = new FakeMemory();
        Assert.Equal("sched_setattr(0, {size=52, sched_flags=SCHED_FLAG_KEEP_POLICY, sched_nice=-2, sched_priority=0, sched_runtime=1, sched_deadline=2, sched_period=3}, 0) = 0",
            Of("sched_setattr", [0, Attr(m, 52, 4, 8, -2, 0, 1, 2, 3, 4, 5), 0], 0, m));
        Assert.Equal("sched_setattr(0, {size=52, sched_flags=SCHED_FLAG_KEEP_PARAMS}, 0) = -1 EINVAL (Invalid argument)",
            Of("sched_setattr", [0, Attr(m, 52, 4, 0x10, -2, 0, 1, 2, 3, 4, 5), 0], -22, m));
        Assert.Equal("sched_setattr(0, {size=64, sched_flags=SCHED_FLAG_KEEP_POLICY|SCHED_FLAG_KEEP_PARAMS, sched_util_min=4, sched_util_max=5, ...}, 0) = 0",
            Of("sched_setattr", [0, Attr(m, 64, 4, 0x18, -2, 0, 1, 2, 3, 4, 5), 0], 0, m));
        // E2BIG: the kernel wrote the size it knows back into the struct.
        Assert.Equal("sched_setattr(0, {size=64, sched_policy=SCHED_ISO, sched_flags=SCHED_FLAG_UTIL_CLAMP_MAX, sched_nice=-2, sched_priority=0, sched_runtime=1, sched_deadline=2, sched_period=3, sched_util_min=4, sched_util_max=5, ...} => {size=64}, 0) = -1 E2BIG (Argument list too long)",
            Of("sched_setattr", [0, Attr(m, 64, 4, 0x40, -2, 0, 1, 2, 3, 4, 5), 0], -7, m));
        Assert.Equal("sched_setattr(0, {size=20} => {size=20}, 0) = -1 E2BIG (Argument list too long)",
            Of("sched_setattr", [0, Attr(m, 20, 4, 0x40, -2, 0, 1, 2, 3, 4, 5), 0], -7, m));
    }

    [Fact]
    public void Capabilities_by_name_and_by_word()
    {
        var m = new FakeMemory();
        ulong v3 = m.Ints(0x20080522, 0), v1 = m.Ints(0x19980330, 0), v2 = m.Ints(0x20071026, 1), bad = m.Ints(0x1234, 0);
        ulong some = m.Ints(1 << 0 | 1 << 5 | 1 << 23, 1 << 0 | 1 << 5 | 1 << 7 | 1 << 23, 0, 1 << 7, 1 << 7, 0);
        Assert.Equal("capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_SYS_NICE|1<<CAP_BPF, permitted=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_SETUID|1<<CAP_SYS_NICE|1<<CAP_BPF, inheritable=0}) = 0",
            Of("capget", [v3, some], 0, m));
        Assert.Equal("capget({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_SYS_NICE, permitted=1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_SETUID|1<<CAP_SYS_NICE, inheritable=0}) = 0",
            Of("capget", [v1, some], 0, m));
        Assert.Equal("capget({version=_LINUX_CAPABILITY_VERSION_2, pid=1}, NULL) = 0", Of("capget", [v2, 0], 0, m));
        Assert.Equal("capget({version=0x1234 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, 0x7ffd00000000) = -1 EINVAL (Invalid argument)",
            Of("capget", [bad, 0x7ffd00000000], -22, m));
        Assert.Equal("capget(0x8, 0x7ffd00000000) = -1 EFAULT (Bad address)", Of("capget", [8, 0x7ffd00000000], -14, m));
        // An unknown version reads as version 1: one word per set.
        ulong ones = m.Ints(1, 1, 1, 1, 1, 1);
        Assert.Equal("capset({version=0x1234 /* _LINUX_CAPABILITY_VERSION_??? */, pid=0}, {effective=1<<CAP_CHOWN, permitted=1<<CAP_CHOWN, inheritable=1<<CAP_CHOWN}) = -1 EINVAL (Invalid argument)",
            Of("capset", [bad, ones], -22, m));
        // A header that cannot be read leaves the sets unread too, even where they could be.
        Assert.Equal($"capset(0x8, 0x{ones:x}) = -1 EFAULT (Bad address)", Of("capset", [8, ones], -14, m));
        Assert.Equal($"capset(NULL, 0x{ones:x}) = -1 EFAULT (Bad address)", Of("capset", [0, ones], -14, m));
        // Capability 45 is unknown: it prints as bit 13 of the second word.
        ulong unknown = m.Ints(1, 0, 0, 1 << 13 | 1, 1 << 13, 1 << 13);
        Assert.Equal("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_MAC_OVERRIDE|0x2000, permitted=0x2000 /* CAP_??? */, inheritable=0x2000 /* CAP_??? */}) = -1 EPERM (Operation not permitted)",
            Of("capset", [v3, unknown], -1, m));
    }
}

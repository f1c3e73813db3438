using Syscope.Decoding;
using Syscope.Kernel.Abi;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>seccomp(2) and PR_SET_SECCOMP's classic BPF filters; expected lines are strace 6.1's
/// (its seccomp-filter, seccomp-filter-v, seccomp_get_action_avail, seccomp_get_notif_sizes and
/// prctl-seccomp-filter-v tests).</summary>
public class SeccompDecoderTests
{
    private static readonly DecodeOptions V = new() { Verbose = true };
    private const long EINVAL = -22, EFAULT = -14;

    private static SockFilter Insn(ushort code, uint k, byte jt = 0, byte jf = 0) => new() { Code = code, K = k, JumpTrue = jt, JumpFalse = jf };

    [Fact]
    public void Filter_programs_are_spelled_out_with_v()
    {
        var m = new FakeMemory();
        ulong filter = m.Put(System.Runtime.InteropServices.MemoryMarshal.AsBytes<SockFilter>([
            Insn(0x20, 0), Insn(0x15, 0x3c, 0, 1), Insn(0x06, 0x7fff0000), Insn(0x06, 0x50010), Insn(0x06, 0),
            Insn(0x04, 0x40000), Insn(0x07, 0x70000), Insn(0x02, 0x20000), Insn(0x05, 0x50000), Insn(0x06, 0x60000), Insn(0xff, 1)]).ToArray());
        ulong prog = m.Struct(new SockFprog { Length = 11, Filter = filter });
        Assert.Equal("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=11, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0), "
            + "BPF_JUMP(BPF_JMP|BPF_K|BPF_JEQ, 0x3c, 0, 0x1), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ALLOW), "
            + "BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_ERRNO|0x10), BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_KILL_THREAD), "
            + "BPF_STMT(BPF_ALU|BPF_K|BPF_ADD, 0x40000), BPF_STMT(BPF_MISC|BPF_TAX, 0x70000), BPF_STMT(BPF_ST, 0x20000), "
            + "BPF_STMT(BPF_JMP|BPF_K|BPF_JA, 0x50000), BPF_STMT(BPF_RET|BPF_K, 0x60000 /* SECCOMP_RET_??? */), "
            + "BPF_STMT(BPF_MISC|0xf8 /* BPF_??? */, 0x1)]}) = 0",
            Of("seccomp", [1, 0, prog], 0, m, V));
        Assert.Equal($"seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC|SECCOMP_FILTER_FLAG_LOG|SECCOMP_FILTER_FLAG_SPEC_ALLOW|"
            + $"SECCOMP_FILTER_FLAG_NEW_LISTENER|SECCOMP_FILTER_FLAG_TSYNC_ESRCH|SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV|0xffffffc0, "
            + $"{{len=11, filter=0x{filter:x}}}) = -1 EINVAL (Invalid argument)",
            Of("seccomp", [1, ulong.MaxValue, prog], EINVAL, m));
        Assert.Equal("seccomp(SECCOMP_SET_MODE_FILTER, 0xffffffc0 /* SECCOMP_FILTER_FLAG_??? */, 0x1000) = -1 EFAULT (Bad address)",
            Of("seccomp", [1, U(-64), 0x1000], EFAULT, m));
        Assert.Equal($"prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {{len=1, filter=[BPF_STMT(BPF_LD|BPF_W|BPF_ABS, 0)]}}) = 0",
            Of("prctl", [22, 2, m.Struct(new SockFprog { Length = 1, Filter = filter }), 0, 0], 0, m, V));
    }

    [Fact]
    public void A_filter_ends_where_memory_does_and_at_BPF_MAXINSNS()
    {
        var m = new FakeMemory();
        ulong last = m.Add(0x10000 - 8, System.Runtime.InteropServices.MemoryMarshal.AsBytes<SockFilter>([Insn(0x06, 0)]).ToArray());
        Assert.Equal("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=3, filter=[BPF_STMT(BPF_RET|BPF_K, SECCOMP_RET_KILL_THREAD), ... /* 0x10000 */]}) = -1 EFAULT (Bad address)",
            Of("seccomp", [1, 0, m.Struct(new SockFprog { Length = 3, Filter = last })], EFAULT, m, V));
        Assert.Equal("seccomp(SECCOMP_SET_MODE_FILTER, 0, {len=1, filter=0x10000}) = -1 EFAULT (Bad address)",
            Of("seccomp", [1, 0, m.Struct(new SockFprog { Length = 1, Filter = 0x10000 })], EFAULT, m, V));
        ulong big = m.Put(new byte[8 * 4097]);
        var line = Of("seccomp", [1, 0, m.Struct(new SockFprog { Length = 4097, Filter = big })], EINVAL, m, V);
        Assert.Equal(4096, line.Split("BPF_STMT(").Length - 1);
        Assert.EndsWith("BPF_STMT(BPF_LD|BPF_W|BPF_IMM, 0), ...]}) = -1 EINVAL (Invalid argument)", line);
    }

    [Fact]
    public void Other_operations()
    {
        var m = new FakeMemory();
        ulong act = m.Ints(0x7ffc0000);
        Assert.Equal("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_LOG]) = 0", Of("seccomp", [0xfacefeed00000002, 0xdeadbeef00000000, act], 0, m));
        Assert.Equal("seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [0xffffffff /* SECCOMP_RET_??? */]) = -1 EOPNOTSUPP (Operation not supported)",
            Of("seccomp", [2, 0, m.Ints(-1)], -95, m));
        Assert.Equal("seccomp(SECCOMP_GET_ACTION_AVAIL, 0xcafef00d, NULL) = -1 EFAULT (Bad address)", Of("seccomp", [2, 0xcafef00d, 0], EFAULT, m));
        ulong sizes = m.Put([0x50, 0, 0x18, 0, 0x40, 0]);
        Assert.Equal("seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0",
            Of("seccomp", [3, 0, sizes], 0, m));
        Assert.Equal($"seccomp(SECCOMP_GET_NOTIF_SIZES, 0xdeadc0de, 0x{sizes:x}) = -1 EINVAL (Invalid argument)", Of("seccomp", [3, 0xdeadc0de, sizes], EINVAL, m));
        Assert.Equal("seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL) = 0", Of("seccomp", [0, 0, 0], 0, m));
        Assert.Equal("seccomp(0xffffffff /* SECCOMP_SET_MODE_??? */, 0xffffffff, 0xfacefeeddeadbeef) = -1 EINVAL (Invalid argument)",
            Of("seccomp", [ulong.MaxValue, ulong.MaxValue, 0xfacefeeddeadbeef], EINVAL, m));
    }
}

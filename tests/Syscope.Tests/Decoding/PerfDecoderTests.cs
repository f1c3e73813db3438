using Syscope.Decoding;
using Xunit;
using static Syscope.Tests.Decoding.Line;

namespace Syscope.Tests.Decoding;

/// <summary>perf_event_open and the perf ioctls, in the forms strace 6.1's perf_event_open and
/// ioctl_perf tests expect.</summary>
public class PerfDecoderTests
{
    private static readonly DecodeOptions Verbose = new() { Verbose = true };

    /// <summary>A struct perf_event_attr of <paramref name="length"/> bytes (fields past it cut off).</summary>
    private static ulong Attr(FakeMemory m, int length, uint type, uint size, ulong config, ulong period, ulong sampleType,
        ulong readFormat, ulong bits, uint wakeup = 0, uint bpType = 0, ulong config1 = 0, ulong config2 = 0)
    {
        var b = new byte[128];
        BitConverter.TryWriteBytes(b.AsSpan(0), type);
        BitConverter.TryWriteBytes(b.AsSpan(4), size);
        BitConverter.TryWriteBytes(b.AsSpan(8), config);
        BitConverter.TryWriteBytes(b.AsSpan(16), period);
        BitConverter.TryWriteBytes(b.AsSpan(24), sampleType);
        BitConverter.TryWriteBytes(b.AsSpan(32), readFormat);
        BitConverter.TryWriteBytes(b.AsSpan(40), bits);
        BitConverter.TryWriteBytes(b.AsSpan(48), wakeup);
        BitConverter.TryWriteBytes(b.AsSpan(52), bpType);
        BitConverter.TryWriteBytes(b.AsSpan(56), config1);
        BitConverter.TryWriteBytes(b.AsSpan(64), config2);
        return m.Put(b[..length]);
    }

    [Fact]
    public void Attributes_without_verbose_stop_at_the_set_flags()
    {
        var m = new FakeMemory();
        ulong a = Attr(m, 128, 0, 128, 0xfaceca7500000004, 4000, 3, 0, 1 | (2UL << 15) | (1UL << 37) | (5UL << 38));
        Assert.Equal("perf_event_open({type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER7, config=0xfaceca75<<32|PERF_COUNT_HW_BRANCH_INSTRUCTIONS, " +
            "sample_period=4000, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=0, disabled=1, precise_ip=2 /* requested to have 0 skid */, " +
            "sigtrap=1, __reserved_1=0x5 /* Bits 63..38 */, ...}, -1, 0, -1, PERF_FLAG_FD_CLOEXEC) = 3",
            Of("perf_event_open", [a, ulong.MaxValue, 0, ulong.MaxValue, 8], 3, m));
        ulong cache = Attr(m, 128, 3, 0, 0x01020207, 10, 0xdeadc0deda000000, 0x1f, 1UL << 10);
        Assert.Equal("perf_event_open({type=PERF_TYPE_HW_CACHE, size=0 /* PERF_ATTR_SIZE_??? */, config=0x1<<24|0x2 /* PERF_COUNT_HW_CACHE_RESULT_??? */<<16|" +
            "PERF_COUNT_HW_CACHE_OP_PREFETCH<<8|0x7 /* PERF_COUNT_HW_CACHE_??? */, sample_freq=10, sample_type=0xdeadc0deda000000 /* PERF_SAMPLE_??? */, " +
            "read_format=PERF_FORMAT_TOTAL_TIME_ENABLED|PERF_FORMAT_TOTAL_TIME_RUNNING|PERF_FORMAT_ID|PERF_FORMAT_GROUP|PERF_FORMAT_LOST, freq=1, " +
            "precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, 0) = -1 EINVAL (Invalid argument)",
            Of("perf_event_open", [cache, 0, ulong.MaxValue, ulong.MaxValue, 0], -22, m));
    }

    [Fact]
    public void Sizes_the_kernel_refuses_and_unreadable_attributes_print_the_address()
    {
        var m = new FakeMemory();
        ulong small = Attr(m, 64, 0, 56, 0, 0, 0, 0, 0);
        Assert.Equal($"perf_event_open(0x{small:x}, 0, 0, 0, 0) = -1 EINVAL (Invalid argument)", Of("perf_event_open", [small, 0, 0, 0, 0], -22, m));
        // 72 bytes said, 64 there: -v reads all 72.
        ulong cut = Attr(m, 64, 1, 72, 9, 0, 0, 0, 0);
        Assert.Equal($"perf_event_open(0x{cut:x}, 0, 0, 0, 0) = -1 EFAULT (Bad address)", Of("perf_event_open", [cut, 0, 0, 0, 0], -14, m, Verbose));
        Assert.Equal("perf_event_open(NULL, -87101427, -1160070233, -1, PERF_FLAG_FD_NO_GROUP|PERF_FLAG_FD_OUTPUT|PERF_FLAG_PID_CGROUP|" +
            "PERF_FLAG_FD_CLOEXEC|0xfffffffffffffff0) = -1 EFAULT (Bad address)",
            Of("perf_event_open", [0, 0xfacef00d, 0xbadabba7, ulong.MaxValue, ulong.MaxValue], -14, m));
    }

    [Fact]
    public void Verbose_attributes_show_every_field_their_size_reaches()
    {
        var m = new FakeMemory();
        const string flags = "disabled=0, inherit=1, pinned=0, exclusive=0, exclude_user=0, exclude_kernel=0, exclude_hv=0, exclude_idle=0, " +
            "mmap=0, comm=0, freq=0, inherit_stat=0, enable_on_exec=0, task=0, watermark=1, precise_ip=3 /* must have 0 skid */, " +
            "mmap_data=0, sample_id_all=0, exclude_host=0, exclude_guest=0, exclude_callchain_kernel=0, exclude_callchain_user=0, " +
            "mmap2=0, comm_exec=0, use_clockid=0, context_switch=0, write_backward=0, namespaces=0, ksymbol=0, bpf_event=0, " +
            "aux_output=0, cgroup=0, text_poke=0, build_id=0, inherit_thread=0, remove_on_exec=0, sigtrap=0";
        ulong bp = Attr(m, 72, 5, 72, 0, 1, 0x800, 0, 2 | (1UL << 14) | (3UL << 15), wakeup: 7, bpType: 5, config1: 0x1000, config2: 8);
        Assert.Equal("perf_event_open({type=PERF_TYPE_BREAKPOINT, size=PERF_ATTR_SIZE_VER1, config=0, sample_period=1, " +
            "sample_type=PERF_SAMPLE_BRANCH_STACK, read_format=0, " + flags + ", wakeup_watermark=7, bp_type=0x5 /* HW_BREAKPOINT_INVALID */, " +
            "bp_addr=0x1000, bp_len=8}, 0, -1, -1, 0) = 4",
            Of("perf_event_open", [bp, 0, ulong.MaxValue, ulong.MaxValue, 0], 4, m, Verbose));
        // 80 bytes: branch_sample_type with PERF_SAMPLE_BRANCH_STACK; a size past 128 ends in "...".
        ulong raw = Attr(m, 128, 4, 0xa0, 0xda7a1057, 1, 0x800, 0, 2 | (1UL << 14) | (3UL << 15), wakeup: 7, bpType: 8, config1: 0x1000, config2: 8);
        Assert.Equal("perf_event_open({type=PERF_TYPE_RAW, size=0xa0 /* PERF_ATTR_SIZE_??? */, config=0xda7a1057, sample_period=1, " +
            "sample_type=PERF_SAMPLE_BRANCH_STACK, read_format=0, " + flags + ", wakeup_watermark=7, config1=0x1000, config2=0x8, " +
            "branch_sample_type=0, sample_regs_user=0, sample_regs_intr=0, aux_watermark=0, sample_max_stack=0, aux_sample_size=0, sig_data=0, ...}, 0, -1, -1, 0) = 4",
            Of("perf_event_open", [raw, 0, ulong.MaxValue, ulong.MaxValue, 0], 4, m, Verbose));
    }

    [Fact]
    public void Perf_ioctls()
    {
        var m = new FakeMemory();
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP|0xbadc0dec) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [ulong.MaxValue, 0x2400, 0xdeadbeefbadc0ded], -9, m));
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_RESET, 0x2 /* PERF_IOC_FLAG_??? */) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [ulong.MaxValue, 0x2403, 2], -9, m));
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_REFRESH, -1159983635) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [ulong.MaxValue, 0x2402, 0xdeadbeefbadc0ded], -9, m));
        ulong u64 = m.Longs(unchecked((long)0xfacefeeddeadc0de));
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_PERIOD, [18072662652281012446]) = -1 EBADF (Bad file descriptor)", Of("ioctl", [ulong.MaxValue, 0x40082404, u64], -9, m));
        Assert.Equal("ioctl(3, PERF_EVENT_IOC_ID, [18072662652281012446]) = 0", Of("ioctl", [3, 0x80082407, u64], 0, m));
        Assert.Equal($"ioctl(-1, PERF_EVENT_IOC_ID, 0x{u64:x}) = -1 EBADF (Bad file descriptor)", Of("ioctl", [ulong.MaxValue, 0x80082407, u64], -9, m));
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_SET_FILTER, \"filter\") = -1 EBADF (Bad file descriptor)", Of("ioctl", [ulong.MaxValue, 0x40082406, m.Str("filter")], -9, m));
        Assert.Equal("ioctl(-1, _IOC(_IOC_WRITE, 0x24, 0xc, 0x8), 0xdeadbeefbadc0ded) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [ulong.MaxValue, 0x4008240c, 0xdeadbeefbadc0ded], -9, m));
        ulong query = m.Ints(unchecked((int)0xbadc0ded), 2, 7, 9);
        Assert.Equal("ioctl(3, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3134983661, prog_cnt=2, ids=[7, 9]}) = 0", Of("ioctl", [3, 0xc008240a, query], 0, m));
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_QUERY_BPF, {ids_len=3134983661, ...}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [ulong.MaxValue, 0xc008240a, query], -9, m));
        ulong attr = Attr(m, 128, 0xaaaaaaaa, 0x55, 0x10, 20, 0, 0, 1UL << 9);
        Assert.Equal("ioctl(-1, PERF_EVENT_IOC_MODIFY_ATTRIBUTES, {type=0xaaaaaaaa /* PERF_TYPE_??? */, size=0x55 /* PERF_ATTR_SIZE_??? */, " +
            "config=0x10, sample_period=20, sample_type=0, read_format=0, comm=1, precise_ip=0 /* arbitrary skid */, ...}) = -1 EBADF (Bad file descriptor)",
            Of("ioctl", [ulong.MaxValue, 0x4008240b, attr], -9, m));
    }
}

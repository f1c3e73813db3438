using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>struct perf_event_attr as far as strace 6.1 knows it (PERF_ATTR_SIZE_VER7): the caller
/// says in size how much of it is there, and the kernel counts the rest as zero.  The unions are
/// read by their first member (sample_period/sample_freq, wakeup_events/wakeup_watermark,
/// config1/bp_addr, config2/bp_len), the bit fields as one word.</summary>
[CLayout("struct perf_event_attr", "linux/perf_event.h", Size = "PERF_ATTR_SIZE_VER7")]
[StructLayout(LayoutKind.Sequential)]
internal struct PerfEventAttr
{
    [CField("type")] public uint Type;
    [CField("size")] public uint Size;
    [CField("config")] public ulong Config;
    [CField("sample_period")] public ulong SamplePeriod;
    [CField("sample_type")] public ulong SampleType;
    [CField("read_format")] public ulong ReadFormat;
    // disabled:1, inherit:1 ... sigtrap:1 (bits 0..37, see PerfConstants.AttrBits), __reserved_1:26.
    private ulong _bits;
    [CField("wakeup_events")] public uint WakeupEvents;
    [CField("bp_type")] public uint BpType;
    [CField("config1")] public ulong Config1;
    [CField("config2")] public ulong Config2;
    [CField("branch_sample_type")] public ulong BranchSampleType;
    [CField("sample_regs_user")] public ulong SampleRegsUser;
    [CField("sample_stack_user")] public uint SampleStackUser;
    [CField("clockid")] public int ClockId;
    [CField("sample_regs_intr")] public ulong SampleRegsIntr;
    [CField("aux_watermark")] public uint AuxWatermark;
    [CField("sample_max_stack")] public ushort SampleMaxStack;
    [CField("__reserved_2")] public ushort Reserved2;
    [CField("aux_sample_size")] public uint AuxSampleSize;
    [CField("__reserved_3")] public uint Reserved3;
    [CField("sig_data")] public ulong SigData;

    /// <summary>The flag word: one bit each, precise_ip two, the reserved ones from bit 38.</summary>
    public readonly ulong Bits => _bits;
}

/// <summary>PERF_EVENT_IOC_QUERY_BPF's header; the program ids follow it.</summary>
[CLayout("struct perf_event_query_bpf", "linux/perf_event.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct PerfEventQueryBpf
{
    [CField("ids_len")] public uint IdsLen;
    [CField("prog_cnt")] public uint ProgCnt;
}

using System.Text;

namespace Syscope.Decoding.Constants;

/// <summary>perf_event_open(2) and the perf ioctls (&lt;linux/perf_event.h&gt;,
/// &lt;linux/hw_breakpoint.h&gt;), as strace 6.1 names them.</summary>
internal static class PerfConstants
{
    public const uint PERF_TYPE_HARDWARE = 0, PERF_TYPE_SOFTWARE = 1, PERF_TYPE_TRACEPOINT = 2, PERF_TYPE_HW_CACHE = 3,
        PERF_TYPE_BREAKPOINT = 5;
    public const ulong PERF_SAMPLE_BRANCH_STACK = 1 << 11, PERF_SAMPLE_STACK_USER = 1 << 13;
    public const int PERF_ATTR_SIZE_VER0 = 64;
    /// <summary>HW_BREAKPOINT_X | HW_BREAKPOINT_RW: a bp_type up to it is a mix the kernel refuses.</summary>
    public const uint HwBreakpointMixes = 7;

    /// <summary>enum perf_type_id.</summary>
    public static readonly ValueSet Types = new("PERF_TYPE_???", false,
        new(0, "PERF_TYPE_HARDWARE"), new(1, "PERF_TYPE_SOFTWARE"), new(2, "PERF_TYPE_TRACEPOINT"), new(3, "PERF_TYPE_HW_CACHE"),
        new(4, "PERF_TYPE_RAW"), new(5, "PERF_TYPE_BREAKPOINT"));

    /// <summary>The published sizes of struct perf_event_attr.</summary>
    public static readonly ValueSet AttrSizes = new("PERF_ATTR_SIZE_???", false,
        new(64, "PERF_ATTR_SIZE_VER0"), new(72, "PERF_ATTR_SIZE_VER1"), new(80, "PERF_ATTR_SIZE_VER2"), new(96, "PERF_ATTR_SIZE_VER3"),
        new(104, "PERF_ATTR_SIZE_VER4"), new(112, "PERF_ATTR_SIZE_VER5"), new(120, "PERF_ATTR_SIZE_VER6"), new(128, "PERF_ATTR_SIZE_VER7"));

    /// <summary>enum perf_hw_id: config of PERF_TYPE_HARDWARE (its low 32 bits).</summary>
    public static readonly ValueSet HardwareIds = new("PERF_COUNT_HW_???", false,
        new(0, "PERF_COUNT_HW_CPU_CYCLES"), new(1, "PERF_COUNT_HW_INSTRUCTIONS"), new(2, "PERF_COUNT_HW_CACHE_REFERENCES"),
        new(3, "PERF_COUNT_HW_CACHE_MISSES"), new(4, "PERF_COUNT_HW_BRANCH_INSTRUCTIONS"), new(5, "PERF_COUNT_HW_BRANCH_MISSES"),
        new(6, "PERF_COUNT_HW_BUS_CYCLES"), new(7, "PERF_COUNT_HW_STALLED_CYCLES_FRONTEND"),
        new(8, "PERF_COUNT_HW_STALLED_CYCLES_BACKEND"), new(9, "PERF_COUNT_HW_REF_CPU_CYCLES"));

    /// <summary>enum perf_sw_ids: config of PERF_TYPE_SOFTWARE.</summary>
    public static readonly ValueSet SoftwareIds = new("PERF_COUNT_SW_???", false,
        new(0, "PERF_COUNT_SW_CPU_CLOCK"), new(1, "PERF_COUNT_SW_TASK_CLOCK"), new(2, "PERF_COUNT_SW_PAGE_FAULTS"),
        new(3, "PERF_COUNT_SW_CONTEXT_SWITCHES"), new(4, "PERF_COUNT_SW_CPU_MIGRATIONS"), new(5, "PERF_COUNT_SW_PAGE_FAULTS_MIN"),
        new(6, "PERF_COUNT_SW_PAGE_FAULTS_MAJ"), new(7, "PERF_COUNT_SW_ALIGNMENT_FAULTS"), new(8, "PERF_COUNT_SW_EMULATION_FAULTS"),
        new(9, "PERF_COUNT_SW_DUMMY"), new(10, "PERF_COUNT_SW_BPF_OUTPUT"), new(11, "PERF_COUNT_SW_CGROUP_SWITCHES"));

    /// <summary>enum perf_hw_cache_id: the lowest byte of a PERF_TYPE_HW_CACHE config.</summary>
    public static readonly ValueSet CacheIds = new("PERF_COUNT_HW_CACHE_???", false,
        new(0, "PERF_COUNT_HW_CACHE_L1D"), new(1, "PERF_COUNT_HW_CACHE_L1I"), new(2, "PERF_COUNT_HW_CACHE_LL"),
        new(3, "PERF_COUNT_HW_CACHE_DTLB"), new(4, "PERF_COUNT_HW_CACHE_ITLB"), new(5, "PERF_COUNT_HW_CACHE_BPU"),
        new(6, "PERF_COUNT_HW_CACHE_NODE"));

    /// <summary>enum perf_hw_cache_op_id: the second byte.</summary>
    public static readonly ValueSet CacheOps = new("PERF_COUNT_HW_CACHE_OP_???", false,
        new(0, "PERF_COUNT_HW_CACHE_OP_READ"), new(1, "PERF_COUNT_HW_CACHE_OP_WRITE"), new(2, "PERF_COUNT_HW_CACHE_OP_PREFETCH"));

    /// <summary>enum perf_hw_cache_op_result_id: the third byte.</summary>
    public static readonly ValueSet CacheResults = new("PERF_COUNT_HW_CACHE_RESULT_???", false,
        new(0, "PERF_COUNT_HW_CACHE_RESULT_ACCESS"), new(1, "PERF_COUNT_HW_CACHE_RESULT_MISS"));

    /// <summary>enum perf_event_sample_format.</summary>
    public static readonly FlagSet SampleFormat = new("PERF_SAMPLE_???", null,
        new(1 << 0, "PERF_SAMPLE_IP"), new(1 << 1, "PERF_SAMPLE_TID"), new(1 << 2, "PERF_SAMPLE_TIME"), new(1 << 3, "PERF_SAMPLE_ADDR"),
        new(1 << 4, "PERF_SAMPLE_READ"), new(1 << 5, "PERF_SAMPLE_CALLCHAIN"), new(1 << 6, "PERF_SAMPLE_ID"), new(1 << 7, "PERF_SAMPLE_CPU"),
        new(1 << 8, "PERF_SAMPLE_PERIOD"), new(1 << 9, "PERF_SAMPLE_STREAM_ID"), new(1 << 10, "PERF_SAMPLE_RAW"),
        new(1 << 11, "PERF_SAMPLE_BRANCH_STACK"), new(1 << 12, "PERF_SAMPLE_REGS_USER"), new(1 << 13, "PERF_SAMPLE_STACK_USER"),
        new(1 << 14, "PERF_SAMPLE_WEIGHT"), new(1 << 15, "PERF_SAMPLE_DATA_SRC"), new(1 << 16, "PERF_SAMPLE_IDENTIFIER"),
        new(1 << 17, "PERF_SAMPLE_TRANSACTION"), new(1 << 18, "PERF_SAMPLE_REGS_INTR"), new(1 << 19, "PERF_SAMPLE_PHYS_ADDR"),
        new(1 << 20, "PERF_SAMPLE_AUX"), new(1 << 21, "PERF_SAMPLE_CGROUP"), new(1 << 22, "PERF_SAMPLE_DATA_PAGE_SIZE"),
        new(1 << 23, "PERF_SAMPLE_CODE_PAGE_SIZE"), new(1 << 24, "PERF_SAMPLE_WEIGHT_STRUCT"));

    /// <summary>enum perf_event_read_format.</summary>
    public static readonly FlagSet ReadFormat = new("PERF_FORMAT_???", null,
        new(1 << 0, "PERF_FORMAT_TOTAL_TIME_ENABLED"), new(1 << 1, "PERF_FORMAT_TOTAL_TIME_RUNNING"), new(1 << 2, "PERF_FORMAT_ID"),
        new(1 << 3, "PERF_FORMAT_GROUP"), new(1 << 4, "PERF_FORMAT_LOST"));

    /// <summary>enum perf_branch_sample_type.</summary>
    public static readonly FlagSet BranchSampleType = new("PERF_SAMPLE_BRANCH_???", null,
        new(1 << 0, "PERF_SAMPLE_BRANCH_USER"), new(1 << 1, "PERF_SAMPLE_BRANCH_KERNEL"), new(1 << 2, "PERF_SAMPLE_BRANCH_HV"),
        new(1 << 3, "PERF_SAMPLE_BRANCH_ANY"), new(1 << 4, "PERF_SAMPLE_BRANCH_ANY_CALL"), new(1 << 5, "PERF_SAMPLE_BRANCH_ANY_RETURN"),
        new(1 << 6, "PERF_SAMPLE_BRANCH_IND_CALL"), new(1 << 7, "PERF_SAMPLE_BRANCH_ABORT_TX"), new(1 << 8, "PERF_SAMPLE_BRANCH_IN_TX"),
        new(1 << 9, "PERF_SAMPLE_BRANCH_NO_TX"), new(1 << 10, "PERF_SAMPLE_BRANCH_COND"), new(1 << 11, "PERF_SAMPLE_BRANCH_CALL_STACK"),
        new(1 << 12, "PERF_SAMPLE_BRANCH_IND_JUMP"), new(1 << 13, "PERF_SAMPLE_BRANCH_CALL"), new(1 << 14, "PERF_SAMPLE_BRANCH_NO_FLAGS"),
        new(1 << 15, "PERF_SAMPLE_BRANCH_NO_CYCLES"), new(1 << 16, "PERF_SAMPLE_BRANCH_TYPE_SAVE"),
        new(1 << 17, "PERF_SAMPLE_BRANCH_HW_INDEX"), new(1 << 18, "PERF_SAMPLE_BRANCH_PRIV_SAVE"));

    /// <summary>&lt;linux/hw_breakpoint.h&gt; bp_type; a value no name fits is called invalid when it
    /// mixes the known bits (execute with read or write), unknown above them.</summary>
    public static readonly ValueSet BreakpointTypes = new("HW_BREAKPOINT_???", false, BreakpointTypeRows());
    public static readonly ValueSet BreakpointTypeMixes = new("HW_BREAKPOINT_INVALID", false, BreakpointTypeRows());

    private static Named[] BreakpointTypeRows() =>
        [new(0, "HW_BREAKPOINT_EMPTY"), new(1, "HW_BREAKPOINT_R"), new(2, "HW_BREAKPOINT_W"), new(3, "HW_BREAKPOINT_RW"), new(4, "HW_BREAKPOINT_X")];

    /// <summary>perf_event_open's flags (PERF_FLAG_*).</summary>
    public static readonly FlagSet OpenFlags = new("PERF_FLAG_???", null,
        new(1, "PERF_FLAG_FD_NO_GROUP"), new(2, "PERF_FLAG_FD_OUTPUT"), new(4, "PERF_FLAG_PID_CGROUP"), new(8, "PERF_FLAG_FD_CLOEXEC"));

    /// <summary>The argument of PERF_EVENT_IOC_ENABLE, _DISABLE and _RESET.</summary>
    public static readonly FlagSet IoctlFlags = new("PERF_IOC_FLAG_???", null, new Named(1, "PERF_IOC_FLAG_GROUP"));

    /// <summary>The one-bit fields of perf_event_attr's flag word by bit, in their order; bits 15
    /// and 16 are precise_ip, two bits wide (null here).</summary>
    public static readonly byte[]?[] AttrBits = BitNames(
        "disabled", "inherit", "pinned", "exclusive", "exclude_user", "exclude_kernel", "exclude_hv", "exclude_idle", "mmap",
        "comm", "freq", "inherit_stat", "enable_on_exec", "task", "watermark", null, null, "mmap_data", "sample_id_all",
        "exclude_host", "exclude_guest", "exclude_callchain_kernel", "exclude_callchain_user", "mmap2", "comm_exec",
        "use_clockid", "context_switch", "write_backward", "namespaces", "ksymbol", "bpf_event", "aux_output", "cgroup",
        "text_poke", "build_id", "inherit_thread", "remove_on_exec", "sigtrap");

    public const int BitFreq = 10, BitWatermark = 14, BitPreciseIp = 15, BitUseClockid = 25, BitsKnown = 38;

    /// <summary>What precise_ip's values ask for, as strace comments them.</summary>
    public static readonly byte[][] PreciseIp =
        [.. new[] { "arbitrary skid", "constant skid", "requested to have 0 skid", "must have 0 skid" }.Select(Encoding.ASCII.GetBytes)];

    private static byte[]?[] BitNames(params string?[] names) =>
        Array.ConvertAll(names, n => n == null ? null : Encoding.ASCII.GetBytes(n));
}

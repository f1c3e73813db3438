namespace Syscope.Decoding.Constants;

/// <summary>bpf(2) commands and the fields of their attributes (&lt;linux/bpf.h&gt;), in strace's order.</summary>
internal static class BpfConstants
{
    /// <summary>&lt;linux/bpf.h&gt; enum bpf_cmd.</summary>
    public static readonly ValueSet Commands = new("BPF_???", false,
        new(0x0, "BPF_MAP_CREATE"), new(0x1, "BPF_MAP_LOOKUP_ELEM"), new(0x2, "BPF_MAP_UPDATE_ELEM"), new(0x3, "BPF_MAP_DELETE_ELEM"),
        new(0x4, "BPF_MAP_GET_NEXT_KEY"), new(0x5, "BPF_PROG_LOAD"), new(0x6, "BPF_OBJ_PIN"), new(0x7, "BPF_OBJ_GET"),
        new(0x8, "BPF_PROG_ATTACH"), new(0x9, "BPF_PROG_DETACH"), new(0xa, "BPF_PROG_TEST_RUN"), new(0xb, "BPF_PROG_GET_NEXT_ID"),
        new(0xc, "BPF_MAP_GET_NEXT_ID"), new(0xd, "BPF_PROG_GET_FD_BY_ID"), new(0xe, "BPF_MAP_GET_FD_BY_ID"), new(0xf, "BPF_OBJ_GET_INFO_BY_FD"),
        new(0x10, "BPF_PROG_QUERY"), new(0x11, "BPF_RAW_TRACEPOINT_OPEN"), new(0x12, "BPF_BTF_LOAD"), new(0x13, "BPF_BTF_GET_FD_BY_ID"),
        new(0x14, "BPF_TASK_FD_QUERY"), new(0x15, "BPF_MAP_LOOKUP_AND_DELETE_ELEM"), new(0x16, "BPF_MAP_FREEZE"), new(0x17, "BPF_BTF_GET_NEXT_ID"),
        new(0x18, "BPF_MAP_LOOKUP_BATCH"), new(0x19, "BPF_MAP_LOOKUP_AND_DELETE_BATCH"), new(0x1a, "BPF_MAP_UPDATE_BATCH"),
        new(0x1b, "BPF_MAP_DELETE_BATCH"), new(0x1c, "BPF_LINK_CREATE"), new(0x1d, "BPF_LINK_UPDATE"), new(0x1e, "BPF_LINK_GET_FD_BY_ID"),
        new(0x1f, "BPF_LINK_GET_NEXT_ID"), new(0x20, "BPF_ENABLE_STATS"), new(0x21, "BPF_ITER_CREATE"), new(0x22, "BPF_LINK_DETACH"),
        new(0x23, "BPF_PROG_BIND_MAP"));

    /// <summary>&lt;linux/bpf.h&gt; enum bpf_map_type.</summary>
    public static readonly ValueSet MapTypes = new("BPF_MAP_TYPE_???", false,
        new(0x0, "BPF_MAP_TYPE_UNSPEC"), new(0x1, "BPF_MAP_TYPE_HASH"), new(0x2, "BPF_MAP_TYPE_ARRAY"), new(0x3, "BPF_MAP_TYPE_PROG_ARRAY"),
        new(0x4, "BPF_MAP_TYPE_PERF_EVENT_ARRAY"), new(0x5, "BPF_MAP_TYPE_PERCPU_HASH"), new(0x6, "BPF_MAP_TYPE_PERCPU_ARRAY"),
        new(0x7, "BPF_MAP_TYPE_STACK_TRACE"), new(0x8, "BPF_MAP_TYPE_CGROUP_ARRAY"), new(0x9, "BPF_MAP_TYPE_LRU_HASH"),
        new(0xa, "BPF_MAP_TYPE_LRU_PERCPU_HASH"), new(0xb, "BPF_MAP_TYPE_LPM_TRIE"), new(0xc, "BPF_MAP_TYPE_ARRAY_OF_MAPS"),
        new(0xd, "BPF_MAP_TYPE_HASH_OF_MAPS"), new(0xe, "BPF_MAP_TYPE_DEVMAP"), new(0xf, "BPF_MAP_TYPE_SOCKMAP"), new(0x10, "BPF_MAP_TYPE_CPUMAP"),
        new(0x11, "BPF_MAP_TYPE_XSKMAP"), new(0x12, "BPF_MAP_TYPE_SOCKHASH"), new(0x13, "BPF_MAP_TYPE_CGROUP_STORAGE"),
        new(0x14, "BPF_MAP_TYPE_REUSEPORT_SOCKARRAY"), new(0x15, "BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"), new(0x16, "BPF_MAP_TYPE_QUEUE"),
        new(0x17, "BPF_MAP_TYPE_STACK"), new(0x18, "BPF_MAP_TYPE_SK_STORAGE"), new(0x19, "BPF_MAP_TYPE_DEVMAP_HASH"),
        new(0x1a, "BPF_MAP_TYPE_STRUCT_OPS"), new(0x1b, "BPF_MAP_TYPE_RINGBUF"), new(0x1c, "BPF_MAP_TYPE_INODE_STORAGE"),
        new(0x1d, "BPF_MAP_TYPE_TASK_STORAGE"), new(0x1e, "BPF_MAP_TYPE_BLOOM_FILTER"), new(0x1f, "BPF_MAP_TYPE_USER_RINGBUF"));

    /// <summary>&lt;linux/bpf.h&gt; map_flags of BPF_MAP_CREATE.</summary>
    public static readonly FlagSet MapFlags = new("BPF_F_???", null,
        new(0x1, "BPF_F_NO_PREALLOC"), new(0x2, "BPF_F_NO_COMMON_LRU"), new(0x4, "BPF_F_NUMA_NODE"), new(0x8, "BPF_F_RDONLY"),
        new(0x10, "BPF_F_WRONLY"), new(0x20, "BPF_F_STACK_BUILD_ID"), new(0x40, "BPF_F_ZERO_SEED"), new(0x80, "BPF_F_RDONLY_PROG"),
        new(0x100, "BPF_F_WRONLY_PROG"), new(0x200, "BPF_F_CLONE"), new(0x400, "BPF_F_MMAPABLE"), new(0x800, "BPF_F_PRESERVE_ELEMS"),
        new(0x1000, "BPF_F_INNER_MAP"));

    /// <summary>&lt;linux/bpf.h&gt; flags of BPF_MAP_UPDATE_ELEM: one value, BPF_ANY is zero.</summary>
    public static readonly ValueSet UpdateElemFlags = new("BPF_???", false,
        new(0, "BPF_ANY"), new(1, "BPF_NOEXIST"), new(2, "BPF_EXIST"), new(4, "BPF_F_LOCK"));

    /// <summary>&lt;linux/bpf.h&gt; flags of BPF_MAP_LOOKUP_ELEM and the batch commands' elem_flags.</summary>
    public static readonly FlagSet LookupElemFlags = new("BPF_???", "BPF_ANY", new Named(4, "BPF_F_LOCK"));

    /// <summary>&lt;linux/bpf.h&gt; file_flags of BPF_OBJ_PIN and BPF_OBJ_GET, open_flags of the *_GET_* commands.</summary>
    public static readonly FlagSet FileModeFlags = new("BPF_F_???", null, new(0x8, "BPF_F_RDONLY"), new(0x10, "BPF_F_WRONLY"));

    /// <summary>&lt;linux/bpf.h&gt; attach_flags of BPF_PROG_ATTACH and BPF_PROG_QUERY, flags of BPF_LINK_UPDATE.</summary>
    public static readonly FlagSet AttachFlags = new("BPF_F_???", null,
        new(0x1, "BPF_F_ALLOW_OVERRIDE"), new(0x2, "BPF_F_ALLOW_MULTI"), new(0x4, "BPF_F_REPLACE"));

    /// <summary>&lt;linux/bpf.h&gt; query_flags of BPF_PROG_QUERY.</summary>
    public static readonly FlagSet QueryFlags = new("BPF_F_QUERY_???", null, new Named(0x1, "BPF_F_QUERY_EFFECTIVE"));

    /// <summary>&lt;linux/bpf.h&gt; flags of BPF_PROG_TEST_RUN.</summary>
    public static readonly FlagSet TestRunFlags = new("BPF_F_???", null,
        new(0x1, "BPF_F_TEST_RUN_ON_CPU"), new(0x2, "BPF_F_TEST_XDP_LIVE_FRAMES"));

    /// <summary>&lt;linux/bpf.h&gt; kprobe_multi.flags of BPF_LINK_CREATE.</summary>
    public static readonly FlagSet KprobeMultiFlags = new("BPF_F_???", null, new Named(0x1, "BPF_F_KPROBE_MULTI_RETURN"));

    /// <summary>&lt;linux/bpf.h&gt; enum bpf_task_fd_type.</summary>
    public static readonly ValueSet TaskFdTypes = new("BPF_FD_TYPE_???", false,
        new(0, "BPF_FD_TYPE_RAW_TRACEPOINT"), new(1, "BPF_FD_TYPE_TRACEPOINT"), new(2, "BPF_FD_TYPE_KPROBE"),
        new(3, "BPF_FD_TYPE_KRETPROBE"), new(4, "BPF_FD_TYPE_UPROBE"), new(5, "BPF_FD_TYPE_URETPROBE"));

    /// <summary>&lt;linux/bpf.h&gt; enum bpf_prog_type.</summary>
    public static readonly ValueSet ProgTypes = new("BPF_PROG_TYPE_???", false,
        new(0, "BPF_PROG_TYPE_UNSPEC"), new(1, "BPF_PROG_TYPE_SOCKET_FILTER"), new(2, "BPF_PROG_TYPE_KPROBE"), new(3, "BPF_PROG_TYPE_SCHED_CLS"),
        new(4, "BPF_PROG_TYPE_SCHED_ACT"), new(5, "BPF_PROG_TYPE_TRACEPOINT"), new(6, "BPF_PROG_TYPE_XDP"), new(7, "BPF_PROG_TYPE_PERF_EVENT"),
        new(8, "BPF_PROG_TYPE_CGROUP_SKB"), new(9, "BPF_PROG_TYPE_CGROUP_SOCK"), new(10, "BPF_PROG_TYPE_LWT_IN"), new(11, "BPF_PROG_TYPE_LWT_OUT"),
        new(12, "BPF_PROG_TYPE_LWT_XMIT"), new(13, "BPF_PROG_TYPE_SOCK_OPS"), new(14, "BPF_PROG_TYPE_SK_SKB"), new(15, "BPF_PROG_TYPE_CGROUP_DEVICE"),
        new(16, "BPF_PROG_TYPE_SK_MSG"), new(17, "BPF_PROG_TYPE_RAW_TRACEPOINT"), new(18, "BPF_PROG_TYPE_CGROUP_SOCK_ADDR"),
        new(19, "BPF_PROG_TYPE_LWT_SEG6LOCAL"), new(20, "BPF_PROG_TYPE_LIRC_MODE2"), new(21, "BPF_PROG_TYPE_SK_REUSEPORT"),
        new(22, "BPF_PROG_TYPE_FLOW_DISSECTOR"), new(23, "BPF_PROG_TYPE_CGROUP_SYSCTL"), new(24, "BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE"),
        new(25, "BPF_PROG_TYPE_CGROUP_SOCKOPT"), new(26, "BPF_PROG_TYPE_TRACING"), new(27, "BPF_PROG_TYPE_STRUCT_OPS"), new(28, "BPF_PROG_TYPE_EXT"),
        new(29, "BPF_PROG_TYPE_LSM"), new(30, "BPF_PROG_TYPE_SK_LOOKUP"), new(31, "BPF_PROG_TYPE_SYSCALL"));

    /// <summary>&lt;linux/bpf.h&gt; enum bpf_attach_type.</summary>
    public static readonly ValueSet AttachTypes = new("BPF_???", false,
        new(0, "BPF_CGROUP_INET_INGRESS"), new(1, "BPF_CGROUP_INET_EGRESS"), new(2, "BPF_CGROUP_INET_SOCK_CREATE"), new(3, "BPF_CGROUP_SOCK_OPS"),
        new(4, "BPF_SK_SKB_STREAM_PARSER"), new(5, "BPF_SK_SKB_STREAM_VERDICT"), new(6, "BPF_CGROUP_DEVICE"), new(7, "BPF_SK_MSG_VERDICT"),
        new(8, "BPF_CGROUP_INET4_BIND"), new(9, "BPF_CGROUP_INET6_BIND"), new(10, "BPF_CGROUP_INET4_CONNECT"), new(11, "BPF_CGROUP_INET6_CONNECT"),
        new(12, "BPF_CGROUP_INET4_POST_BIND"), new(13, "BPF_CGROUP_INET6_POST_BIND"), new(14, "BPF_CGROUP_UDP4_SENDMSG"),
        new(15, "BPF_CGROUP_UDP6_SENDMSG"), new(16, "BPF_LIRC_MODE2"), new(17, "BPF_FLOW_DISSECTOR"), new(18, "BPF_CGROUP_SYSCTL"),
        new(19, "BPF_CGROUP_UDP4_RECVMSG"), new(20, "BPF_CGROUP_UDP6_RECVMSG"), new(21, "BPF_CGROUP_GETSOCKOPT"), new(22, "BPF_CGROUP_SETSOCKOPT"),
        new(23, "BPF_TRACE_RAW_TP"), new(24, "BPF_TRACE_FENTRY"), new(25, "BPF_TRACE_FEXIT"), new(26, "BPF_MODIFY_RETURN"), new(27, "BPF_LSM_MAC"),
        new(28, "BPF_TRACE_ITER"), new(29, "BPF_CGROUP_INET4_GETPEERNAME"), new(30, "BPF_CGROUP_INET6_GETPEERNAME"),
        new(31, "BPF_CGROUP_INET4_GETSOCKNAME"), new(32, "BPF_CGROUP_INET6_GETSOCKNAME"), new(33, "BPF_XDP_DEVMAP"),
        new(34, "BPF_CGROUP_INET_SOCK_RELEASE"), new(35, "BPF_XDP_CPUMAP"), new(36, "BPF_SK_LOOKUP"), new(37, "BPF_XDP"),
        new(38, "BPF_SK_SKB_VERDICT"), new(39, "BPF_SK_REUSEPORT_SELECT"), new(40, "BPF_SK_REUSEPORT_SELECT_OR_MIGRATE"),
        new(41, "BPF_PERF_EVENT"), new(42, "BPF_TRACE_KPROBE_MULTI"), new(43, "BPF_LSM_CGROUP"));

    /// <summary>&lt;linux/bpf.h&gt; prog_flags of BPF_PROG_LOAD, as far as strace 6.1 names them
    /// (BPF_F_XDP_HAS_FRAGS, 0x20, is newer to it).</summary>
    public static readonly FlagSet ProgFlags = new("BPF_F_???", null,
        new(0x1, "BPF_F_STRICT_ALIGNMENT"), new(0x2, "BPF_F_ANY_ALIGNMENT"), new(0x4, "BPF_F_TEST_RND_HI32"), new(0x8, "BPF_F_TEST_STATE_FREQ"),
        new(0x10, "BPF_F_SLEEPABLE"));

    /// <summary>&lt;linux/bpf_common.h&gt;, &lt;linux/bpf.h&gt; instruction classes (code &amp; 0x07).</summary>
    public static readonly ValueSet InsnClasses = new("BPF_???", false,
        new(0, "BPF_LD"), new(1, "BPF_LDX"), new(2, "BPF_ST"), new(3, "BPF_STX"), new(4, "BPF_ALU"), new(5, "BPF_JMP"), new(6, "BPF_JMP32"),
        new(7, "BPF_ALU64"));

    /// <summary>Operand sizes of loads and stores (code &amp; 0x18).</summary>
    public static readonly ValueSet InsnSizes = new("BPF_???", false,
        new(0x00, "BPF_W"), new(0x08, "BPF_H"), new(0x10, "BPF_B"), new(0x18, "BPF_DW"));

    /// <summary>Addressing modes of loads and stores (code &amp; 0xe0).</summary>
    public static readonly ValueSet InsnModes = new("BPF_???", false,
        new(0x00, "BPF_IMM"), new(0x20, "BPF_ABS"), new(0x40, "BPF_IND"), new(0x60, "BPF_MEM"), new(0x80, "BPF_LEN"), new(0xa0, "BPF_MSH"),
        new(0xc0, "BPF_XADD"));

    /// <summary>&lt;linux/filter.h&gt; the special offsets a socket filter's absolute loads
    /// reach packet headers and ancillary data through (SKF_*_OFF, as unsigned 32-bit).</summary>
    public static readonly ValueSet SocketFilterBases = new("SKF_???", false,
        new(0xffe00000, "SKF_LL_OFF"), new(0xfff00000, "SKF_NET_OFF"), new(0xfffff000, "SKF_AD_OFF"));

    /// <summary>&lt;linux/filter.h&gt; ancillary data past SKF_AD_OFF.</summary>
    public static readonly ValueSet SocketFilterAncillary = new("SKF_AD_???", false,
        new(0, "SKF_AD_PROTOCOL"), new(4, "SKF_AD_PKTTYPE"), new(8, "SKF_AD_IFINDEX"), new(12, "SKF_AD_NLATTR"),
        new(16, "SKF_AD_NLATTR_NEST"), new(20, "SKF_AD_MARK"), new(24, "SKF_AD_QUEUE"), new(28, "SKF_AD_HATYPE"),
        new(32, "SKF_AD_RXHASH"), new(36, "SKF_AD_CPU"), new(40, "SKF_AD_ALU_XOR_X"), new(44, "SKF_AD_VLAN_TAG"),
        new(48, "SKF_AD_VLAN_TAG_PRESENT"), new(52, "SKF_AD_PAY_OFFSET"), new(56, "SKF_AD_RANDOM"), new(60, "SKF_AD_VLAN_TPID"));

    /// <summary>Operand source of ALU and jump instructions (code &amp; 0x08).</summary>
    public static readonly ValueSet InsnSources = new("BPF_???", false, new(0x00, "BPF_K"), new(0x08, "BPF_X"));

    /// <summary>ALU operations (code &amp; 0xf0).</summary>
    public static readonly ValueSet AluOps = new("BPF_???", false,
        new(0x00, "BPF_ADD"), new(0x10, "BPF_SUB"), new(0x20, "BPF_MUL"), new(0x30, "BPF_DIV"), new(0x40, "BPF_OR"), new(0x50, "BPF_AND"),
        new(0x60, "BPF_LSH"), new(0x70, "BPF_RSH"), new(0x80, "BPF_NEG"), new(0x90, "BPF_MOD"), new(0xa0, "BPF_XOR"), new(0xb0, "BPF_MOV"),
        new(0xc0, "BPF_ARSH"), new(0xd0, "BPF_END"));

    /// <summary>Jump operations of BPF_JMP (code &amp; 0xf0).</summary>
    public static readonly ValueSet JmpOps = new("BPF_???", false,
        new(0x00, "BPF_JA"), new(0x10, "BPF_JEQ"), new(0x20, "BPF_JGT"), new(0x30, "BPF_JGE"), new(0x40, "BPF_JSET"), new(0x50, "BPF_JNE"),
        new(0x60, "BPF_JSGT"), new(0x70, "BPF_JSGE"), new(0x80, "BPF_CALL"), new(0x90, "BPF_EXIT"), new(0xa0, "BPF_JLT"), new(0xb0, "BPF_JLE"),
        new(0xc0, "BPF_JSLT"), new(0xd0, "BPF_JSLE"));

    /// <summary>eBPF registers.</summary>
    public static readonly ValueSet Registers = new("BPF_REG_???", false,
        new(0, "BPF_REG_0"), new(1, "BPF_REG_1"), new(2, "BPF_REG_2"), new(3, "BPF_REG_3"), new(4, "BPF_REG_4"), new(5, "BPF_REG_5"),
        new(6, "BPF_REG_6"), new(7, "BPF_REG_7"), new(8, "BPF_REG_8"), new(9, "BPF_REG_9"), new(10, "BPF_REG_10"));
}

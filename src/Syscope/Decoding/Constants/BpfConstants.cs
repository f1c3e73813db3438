namespace Syscope.Decoding.Constants;

/// <summary>bpf(2) commands and the fields of their attributes (&lt;linux/bpf.h&gt;), in strace's order.</summary>
public static class BpfConstants
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

    /// <summary>&lt;linux/bpf.h&gt; flags of BPF_MAP_UPDATE_ELEM and lookups: BPF_ANY is zero.</summary>
    public static readonly ValueSet ElemFlags = new("BPF_???", false,
        new(0, "BPF_ANY"), new(1, "BPF_NOEXIST"), new(2, "BPF_EXIST"), new(4, "BPF_F_LOCK"));
}

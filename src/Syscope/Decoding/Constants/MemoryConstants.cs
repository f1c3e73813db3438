namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of address-space calls (&lt;asm-generic/mman-common.h&gt;,
/// &lt;asm/mman.h&gt;, &lt;linux/mman.h&gt;), in strace's order.</summary>
internal static class MemoryConstants
{
    /// <summary>&lt;sys/mman.h&gt; a protection key's access rights (pkey_alloc).</summary>
    public static readonly FlagSet PkeyAccessRights = new("PKEY_???", null,
        new(1, "PKEY_DISABLE_ACCESS"), new(2, "PKEY_DISABLE_WRITE"), new(4, "PKEY_DISABLE_EXECUTE"));

    public static readonly FlagSet Prot = new("PROT_???", "PROT_NONE",
        new(0x1, "PROT_READ"), new(0x2, "PROT_WRITE"), new(0x4, "PROT_EXEC"), new(0x8, "PROT_SEM"),
        new(0x1000000, "PROT_GROWSDOWN"), new(0x2000000, "PROT_GROWSUP"));

    /// <summary>The mapping type in the low four bits of mmap's flags.</summary>
    public static readonly ValueSet MapType = new("MAP_???", false,
        new(0, "MAP_FILE"), new(1, "MAP_SHARED"), new(2, "MAP_PRIVATE"), new(3, "MAP_SHARED_VALIDATE"));

    public const ulong MapTypeMask = 0xf;
    /// <summary>MAP_HUGE_SHIFT: bits 26..31 carry log2 of the huge page size.</summary>
    public const int MapHugeShift = 26;

    public static readonly FlagSet MapFlags = new("MAP_???", null,
        new(0x10, "MAP_FIXED"), new(0x20, "MAP_ANONYMOUS"), new(0x40, "MAP_32BIT"), new(0x4000, "MAP_NORESERVE"),
        new(0x8000, "MAP_POPULATE"), new(0x10000, "MAP_NONBLOCK"), new(0x100, "MAP_GROWSDOWN"),
        new(0x800, "MAP_DENYWRITE"), new(0x1000, "MAP_EXECUTABLE"), new(0x2000, "MAP_LOCKED"),
        new(0x20000, "MAP_STACK"), new(0x40000, "MAP_HUGETLB"), new(0x80000, "MAP_SYNC"),
        new(0x100000, "MAP_FIXED_NOREPLACE"));

    public static readonly ValueSet Madvise = new("MADV_???", false,
        new(0, "MADV_NORMAL"), new(1, "MADV_RANDOM"), new(2, "MADV_SEQUENTIAL"), new(3, "MADV_WILLNEED"),
        new(4, "MADV_DONTNEED"), new(8, "MADV_FREE"), new(9, "MADV_REMOVE"), new(10, "MADV_DONTFORK"),
        new(11, "MADV_DOFORK"), new(12, "MADV_MERGEABLE"), new(13, "MADV_UNMERGEABLE"), new(14, "MADV_HUGEPAGE"),
        new(15, "MADV_NOHUGEPAGE"), new(16, "MADV_DONTDUMP"), new(17, "MADV_DODUMP"), new(18, "MADV_WIPEONFORK"),
        new(19, "MADV_KEEPONFORK"), new(20, "MADV_COLD"), new(21, "MADV_PAGEOUT"), new(22, "MADV_POPULATE_READ"),
        new(23, "MADV_POPULATE_WRITE"), new(24, "MADV_DONTNEED_LOCKED"), new(25, "MADV_COLLAPSE"),
        new(100, "MADV_HWPOISON"), new(101, "MADV_SOFT_OFFLINE"));

    public static readonly FlagSet Mremap = new("MREMAP_???", null,
        new(1, "MREMAP_MAYMOVE"), new(2, "MREMAP_FIXED"), new(4, "MREMAP_DONTUNMAP"));

    /// <summary>mlock2 flags (&lt;asm-generic/mman-common.h&gt;).</summary>
    public static readonly FlagSet Mlock2 = new("MLOCK_???", null, new Named(1, "MLOCK_ONFAULT"));

    /// <summary>membarrier commands (&lt;linux/membarrier.h&gt;); MEMBARRIER_CMD_QUERY answers with
    /// the commands it supports as a bit mask, which prints with the same names.</summary>
    public static readonly ValueSet MembarrierCmd = new("MEMBARRIER_CMD_???", false,
        new(0, "MEMBARRIER_CMD_QUERY"), new(1, "MEMBARRIER_CMD_GLOBAL"), new(2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"),
        new(4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"), new(8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"),
        new(16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"), new(32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
        new(64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"), new(128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
        new(256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"));

    public static readonly FlagSet MembarrierCmdMask = new("MEMBARRIER_CMD_???", null,
        new(1, "MEMBARRIER_CMD_GLOBAL"), new(2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"),
        new(4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"), new(8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"),
        new(16, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"), new(32, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
        new(64, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"), new(128, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
        new(256, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"));

    public const ulong MembarrierFlagCpu = 1;
    public static readonly FlagSet MembarrierFlags = new("MEMBARRIER_CMD_FLAG_???", null, new Named(1, "MEMBARRIER_CMD_FLAG_CPU"));

    public static readonly FlagSet Msync = new("MS_???", null,
        new(4, "MS_SYNC"), new(1, "MS_ASYNC"), new(2, "MS_INVALIDATE"));

    public static readonly FlagSet Mlockall = new("MCL_???", null,
        new(1, "MCL_CURRENT"), new(2, "MCL_FUTURE"), new(4, "MCL_ONFAULT"));

    /// <summary>Memory policy modes (&lt;linux/mempolicy.h&gt;); the mode flags share the argument.</summary>
    public static readonly ValueSet MempolicyMode = new("MPOL_???", false,
        new(0, "MPOL_DEFAULT"), new(1, "MPOL_PREFERRED"), new(2, "MPOL_BIND"), new(3, "MPOL_INTERLEAVE"),
        new(4, "MPOL_LOCAL"), new(5, "MPOL_PREFERRED_MANY"));

    public const ulong MempolicyModeFlagsMask = 0xe000;

    public static readonly FlagSet MempolicyModeFlags = new("MPOL_???", null,
        new(1 << 15, "MPOL_F_STATIC_NODES"), new(1 << 14, "MPOL_F_RELATIVE_NODES"), new(1 << 13, "MPOL_F_NUMA_BALANCING"));

    public static readonly FlagSet GetMempolicyFlags = new("MPOL_???", null,
        new(1, "MPOL_F_NODE"), new(2, "MPOL_F_ADDR"), new(4, "MPOL_F_MEMS_ALLOWED"));

    /// <summary>mbind and move_pages flags; strace names their unknown bits MPOL_??? too. Not
    /// MPOL_MF_LAZY (8): strace 6.1 does not know it and prints it among the unknown bits.</summary>
    public static readonly FlagSet MbindFlags = new("MPOL_???", null,
        new(1, "MPOL_MF_STRICT"), new(2, "MPOL_MF_MOVE"), new(4, "MPOL_MF_MOVE_ALL"));
}

namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets inside ioctl arguments, by header.</summary>
internal static class IoctlConstants
{
    /// <summary>&lt;linux/fs.h&gt; FS_*_FL inode flags (FS_IOC_GETFLAGS/SETFLAGS).</summary>
    public static readonly FlagSet InodeFlags = new("FS_???_FL", null,
        new(0x1, "FS_SECRM_FL"), new(0x2, "FS_UNRM_FL"), new(0x4, "FS_COMPR_FL"), new(0x8, "FS_SYNC_FL"),
        new(0x10, "FS_IMMUTABLE_FL"), new(0x20, "FS_APPEND_FL"), new(0x40, "FS_NODUMP_FL"), new(0x80, "FS_NOATIME_FL"),
        new(0x100, "FS_DIRTY_FL"), new(0x200, "FS_COMPRBLK_FL"), new(0x400, "FS_NOCOMP_FL"), new(0x800, "FS_ENCRYPT_FL"),
        new(0x1000, "FS_INDEX_FL"), new(0x2000, "FS_IMAGIC_FL"), new(0x4000, "FS_JOURNAL_DATA_FL"),
        new(0x8000, "FS_NOTAIL_FL"), new(0x10000, "FS_DIRSYNC_FL"), new(0x20000, "FS_TOPDIR_FL"),
        new(0x40000, "FS_HUGE_FILE_FL"), new(0x80000, "FS_EXTENT_FL"), new(0x100000, "FS_VERITY_FL"),
        new(0x200000, "FS_EA_INODE_FL"), new(0x400000, "FS_EOFBLOCKS_FL"), new(0x800000, "FS_NOCOW_FL"),
        new(0x2000000, "FS_DAX_FL"), new(0x10000000, "FS_INLINE_DATA_FL"), new(0x20000000, "FS_PROJINHERIT_FL"),
        new(0x40000000, "FS_CASEFOLD_FL"), new(0x80000000, "FS_RESERVED_FL"));

    /// <summary>&lt;linux/fs.h&gt; FS_XFLAG_* (struct fsxattr).</summary>
    public static readonly FlagSet FsxFlags = new("FS_XFLAG_???", null,
        new(0x1, "FS_XFLAG_REALTIME"), new(0x2, "FS_XFLAG_PREALLOC"), new(0x8, "FS_XFLAG_IMMUTABLE"),
        new(0x10, "FS_XFLAG_APPEND"), new(0x20, "FS_XFLAG_SYNC"), new(0x40, "FS_XFLAG_NOATIME"),
        new(0x80, "FS_XFLAG_NODUMP"), new(0x100, "FS_XFLAG_RTINHERIT"), new(0x200, "FS_XFLAG_PROJINHERIT"),
        new(0x400, "FS_XFLAG_NOSYMLINKS"), new(0x800, "FS_XFLAG_EXTSIZE"), new(0x1000, "FS_XFLAG_EXTSZINHERIT"),
        new(0x2000, "FS_XFLAG_NODEFRAG"), new(0x4000, "FS_XFLAG_FILESTREAM"), new(0x8000, "FS_XFLAG_DAX"),
        new(0x10000, "FS_XFLAG_COWEXTSIZE"), new(0x80000000, "FS_XFLAG_HASATTR"));

    /// <summary>&lt;linux/fiemap.h&gt; FIEMAP_FLAG_* (struct fiemap).</summary>
    public static readonly FlagSet FiemapFlags = new("FIEMAP_FLAG_???", null,
        new(0x1, "FIEMAP_FLAG_SYNC"), new(0x2, "FIEMAP_FLAG_XATTR"), new(0x4, "FIEMAP_FLAG_CACHE"));

    /// <summary>&lt;linux/fiemap.h&gt; FIEMAP_EXTENT_* (struct fiemap_extent).</summary>
    public static readonly FlagSet FiemapExtentFlags = new("FIEMAP_EXTENT_???", null,
        new(0x1, "FIEMAP_EXTENT_LAST"), new(0x2, "FIEMAP_EXTENT_UNKNOWN"), new(0x4, "FIEMAP_EXTENT_DELALLOC"),
        new(0x8, "FIEMAP_EXTENT_ENCODED"), new(0x80, "FIEMAP_EXTENT_DATA_ENCRYPTED"),
        new(0x100, "FIEMAP_EXTENT_NOT_ALIGNED"), new(0x200, "FIEMAP_EXTENT_DATA_INLINE"),
        new(0x400, "FIEMAP_EXTENT_DATA_TAIL"), new(0x800, "FIEMAP_EXTENT_UNWRITTEN"),
        new(0x1000, "FIEMAP_EXTENT_MERGED"), new(0x2000, "FIEMAP_EXTENT_SHARED"));

    /// <summary>&lt;linux/counter.h&gt; enum counter_component_type.</summary>
    public static readonly ValueSet CounterComponents = new("COUNTER_COMPONENT_???", false,
        new(0, "COUNTER_COMPONENT_NONE"), new(1, "COUNTER_COMPONENT_SIGNAL"), new(2, "COUNTER_COMPONENT_COUNT"),
        new(3, "COUNTER_COMPONENT_FUNCTION"), new(4, "COUNTER_COMPONENT_SYNAPSE_ACTION"),
        new(5, "COUNTER_COMPONENT_EXTENSION"));

    /// <summary>&lt;linux/counter.h&gt; enum counter_scope.</summary>
    public static readonly ValueSet CounterScopes = new("COUNTER_SCOPE_???", false,
        new(0, "COUNTER_SCOPE_DEVICE"), new(1, "COUNTER_SCOPE_SIGNAL"), new(2, "COUNTER_SCOPE_COUNT"));

    /// <summary>&lt;linux/counter.h&gt; enum counter_event_type.</summary>
    public static readonly ValueSet CounterEvents = new("COUNTER_EVENT_???", false,
        new(0, "COUNTER_EVENT_OVERFLOW"), new(1, "COUNTER_EVENT_UNDERFLOW"), new(2, "COUNTER_EVENT_OVERFLOW_UNDERFLOW"),
        new(3, "COUNTER_EVENT_THRESHOLD"), new(4, "COUNTER_EVENT_INDEX"), new(5, "COUNTER_EVENT_CHANGE_OF_STATE"),
        new(6, "COUNTER_EVENT_CAPTURE"));
}

namespace Syscope.Decoding.Constants;

/// <summary>Flag and value sets of file calls.  Values are x86_64's; order is the order strace
/// prints names in (checked against strace 6.1 with raw syscalls setting every bit).</summary>
internal static class FileConstants
{
    /// <summary>&lt;asm-generic/fcntl.h&gt; O_ACCMODE field: printed first, before the flags.</summary>
    public static readonly ValueSet AccessMode = new("O_???", false,
        new(0, "O_RDONLY"), new(1, "O_WRONLY"), new(2, "O_RDWR"), new(3, "O_ACCMODE"));

    /// <summary>struct mq_attr's mq_flags: the one open flag a queue keeps.</summary>
    public static readonly FlagSet MqAttrFlags = new("O_???", null, new Named(0x800, "O_NONBLOCK"));

    /// <summary>&lt;asm-generic/fcntl.h&gt; open flags beyond the access mode.  O_SYNC is __O_SYNC
    /// with O_DSYNC and O_TMPFILE is __O_TMPFILE with O_DIRECTORY, so the wider row comes first
    /// and the bare bit after it.</summary>
    public static readonly FlagSet OpenFlags = new("O_???", null,
        new(0x40, "O_CREAT"), new(0x80, "O_EXCL"), new(0x100, "O_NOCTTY"), new(0x200, "O_TRUNC"),
        new(0x400, "O_APPEND"), new(0x800, "O_NONBLOCK"), new(0x101000, "O_SYNC"), new(0x100000, "__O_SYNC"),
        new(0x1000, "O_DSYNC"), new(0x4000, "O_DIRECT"), new(0x8000, "O_LARGEFILE"), new(0x20000, "O_NOFOLLOW"),
        new(0x40000, "O_NOATIME"), new(0x80000, "O_CLOEXEC"), new(0x200000, "O_PATH"),
        new(0x410000, "O_TMPFILE"), new(0x400000, "__O_TMPFILE"), new(0x10000, "O_DIRECTORY"), new(0x2000, "FASYNC"));

    /// <summary>A mode follows the flags when either bit asks the kernel to create a file.</summary>
    public const ulong O_CREAT = 0x40, O_TMPFILE = 0x410000, __O_TMPFILE = 0x400000;

    /// <summary>&lt;linux/fcntl.h&gt; AT_* flags of the *at calls.</summary>
    public static readonly FlagSet AtFlags = new("AT_???", null,
        new(0x100, "AT_SYMLINK_NOFOLLOW"), new(0x200, "AT_REMOVEDIR"), new(0x400, "AT_SYMLINK_FOLLOW"),
        new(0x800, "AT_NO_AUTOMOUNT"), new(0x1000, "AT_EMPTY_PATH"), new(0x8000, "AT_RECURSIVE"));

    /// <summary>faccessat2 reuses 0x200 as AT_EACCESS (&lt;linux/fcntl.h&gt;).</summary>
    public static readonly FlagSet FaccessatFlags = new("AT_???", null,
        new(0x100, "AT_SYMLINK_NOFOLLOW"), new(0x200, "AT_EACCESS"), new(0x1000, "AT_EMPTY_PATH"));

    /// <summary>&lt;linux/fcntl.h&gt; statx's sync field (0x6000) followed by the AT_* flags.</summary>
    public static readonly FlagSet StatxFlags = new("AT_???", null,
        new(0x2000, "AT_STATX_FORCE_SYNC"), new(0x4000, "AT_STATX_DONT_SYNC"),
        new(0x100, "AT_SYMLINK_NOFOLLOW"), new(0x200, "AT_REMOVEDIR"), new(0x400, "AT_SYMLINK_FOLLOW"),
        new(0x800, "AT_NO_AUTOMOUNT"), new(0x1000, "AT_EMPTY_PATH"), new(0x8000, "AT_RECURSIVE"));

    /// <summary>&lt;linux/stat.h&gt; STATX_* mask bits; the aggregates come first so they win.</summary>
    public static readonly FlagSet StatxMask = new("STATX_???", null,
        new(0xfff, "STATX_ALL"), new(0x7ff, "STATX_BASIC_STATS"),
        new(0x1, "STATX_TYPE"), new(0x2, "STATX_MODE"), new(0x4, "STATX_NLINK"), new(0x8, "STATX_UID"),
        new(0x10, "STATX_GID"), new(0x20, "STATX_ATIME"), new(0x40, "STATX_MTIME"), new(0x80, "STATX_CTIME"),
        new(0x100, "STATX_INO"), new(0x200, "STATX_SIZE"), new(0x400, "STATX_BLOCKS"), new(0x800, "STATX_BTIME"),
        new(0x1000, "STATX_MNT_ID"), new(0x2000, "STATX_DIOALIGN"));

    /// <summary>&lt;linux/stat.h&gt; STATX_ATTR_* bits.</summary>
    public static readonly FlagSet StatxAttributes = new("STATX_ATTR_???", null,
        new(0x4, "STATX_ATTR_COMPRESSED"), new(0x10, "STATX_ATTR_IMMUTABLE"), new(0x20, "STATX_ATTR_APPEND"),
        new(0x40, "STATX_ATTR_NODUMP"), new(0x800, "STATX_ATTR_ENCRYPTED"), new(0x1000, "STATX_ATTR_AUTOMOUNT"),
        new(0x2000, "STATX_ATTR_MOUNT_ROOT"), new(0x100000, "STATX_ATTR_VERITY"), new(0x200000, "STATX_ATTR_DAX"));

    /// <summary>&lt;unistd.h&gt; access() modes; F_OK is the zero.</summary>
    public static readonly FlagSet AccessModes = new("?_OK", "F_OK",
        new(4, "R_OK"), new(2, "W_OK"), new(1, "X_OK"));

    /// <summary>&lt;linux/fs.h&gt; lseek whence.</summary>
    public static readonly ValueSet Whence = new("SEEK_???", false,
        new(0, "SEEK_SET"), new(1, "SEEK_CUR"), new(2, "SEEK_END"), new(3, "SEEK_DATA"), new(4, "SEEK_HOLE"));

    /// <summary>&lt;linux/stat.h&gt; S_IFMT file types.</summary>
    public static readonly ValueSet FileType = new("S_IF???", false,
        new(0xc000, "S_IFSOCK"), new(0xa000, "S_IFLNK"), new(0x8000, "S_IFREG"), new(0x6000, "S_IFBLK"),
        new(0x4000, "S_IFDIR"), new(0x2000, "S_IFCHR"), new(0x1000, "S_IFIFO"));

    /// <summary>&lt;linux/stat.h&gt; set-id and sticky bits, printed by name inside st_mode.</summary>
    public static readonly FlagSet ModeSpecial = new("S_???", null,
        new(0x800, "S_ISUID"), new(0x400, "S_ISGID"), new(0x200, "S_ISVTX"));

    /// <summary>&lt;linux/fs.h&gt; renameat2 flags.</summary>
    public static readonly FlagSet RenameFlags = new("RENAME_???", null,
        new(1, "RENAME_NOREPLACE"), new(2, "RENAME_EXCHANGE"), new(4, "RENAME_WHITEOUT"));

    /// <summary>&lt;linux/fadvise.h&gt; (x86_64 values).</summary>
    public static readonly ValueSet Fadvise = new("POSIX_FADV_???", false,
        new(0, "POSIX_FADV_NORMAL"), new(1, "POSIX_FADV_RANDOM"), new(2, "POSIX_FADV_SEQUENTIAL"),
        new(3, "POSIX_FADV_WILLNEED"), new(4, "POSIX_FADV_DONTNEED"), new(5, "POSIX_FADV_NOREUSE"));

    /// <summary>&lt;asm-generic/fcntl.h&gt; flock operations.</summary>
    public static readonly FlagSet FlockOps = new("LOCK_???", null,
        new(1, "LOCK_SH"), new(2, "LOCK_EX"), new(4, "LOCK_NB"), new(8, "LOCK_UN"),
        new(32, "LOCK_MAND"), new(192, "LOCK_RW"));

    /// <summary>&lt;linux/fs.h&gt; fallocate modes.</summary>
    public static readonly FlagSet FallocateModes = new("FALLOC_FL_???", null,
        new(1, "FALLOC_FL_KEEP_SIZE"), new(2, "FALLOC_FL_PUNCH_HOLE"), new(4, "FALLOC_FL_NO_HIDE_STALE"),
        new(8, "FALLOC_FL_COLLAPSE_RANGE"), new(0x10, "FALLOC_FL_ZERO_RANGE"), new(0x20, "FALLOC_FL_INSERT_RANGE"),
        new(0x40, "FALLOC_FL_UNSHARE_RANGE"));

    /// <summary>&lt;linux/magic.h&gt; file system types seen in statfs.</summary>
    public static readonly ValueSet FsMagic = new("???", false,
        new(0xef53, "EXT2_SUPER_MAGIC"), new(0x01021994, "TMPFS_MAGIC"), new(0x9fa0, "PROC_SUPER_MAGIC"),
        new(0x62656572, "SYSFS_MAGIC"), new(0x794c7630, "OVERLAYFS_SUPER_MAGIC"), new(0x9123683e, "BTRFS_SUPER_MAGIC"),
        new(0x58465342, "XFS_SUPER_MAGIC"), new(0x63677270, "CGROUP2_SUPER_MAGIC"), new(0x27e0eb, "CGROUP_SUPER_MAGIC"),
        new(0x1cd1, "DEVPTS_SUPER_MAGIC"), new(0x6969, "NFS_SUPER_MAGIC"), new(0x65735546, "FUSE_SUPER_MAGIC"),
        new(0x73717368, "SQUASHFS_MAGIC"), new(0x4d44, "MSDOS_SUPER_MAGIC"), new(0x01021997, "V9FS_MAGIC"),
        new(0xf97cff8c, "SELINUX_MAGIC"), new(0x64626720, "DEBUGFS_MAGIC"), new(0x74726163, "TRACEFS_MAGIC"),
        new(0x858458f6, "RAMFS_MAGIC"), new(0x42494e4d, "BINFMTFS_MAGIC"), new(0x6e736673, "NSFS_MAGIC"),
        new(0x50495045, "PIPEFS_MAGIC"), new(0x534f434b, "SOCKFS_MAGIC"), new(0xcafe4a11, "BPF_FS_MAGIC"));

    /// <summary>&lt;linux/statfs.h&gt; ST_* mount flags in f_flags.</summary>
    public static readonly FlagSet StatfsFlags = new("ST_???", null,
        new(1, "ST_RDONLY"), new(2, "ST_NOSUID"), new(4, "ST_NODEV"), new(8, "ST_NOEXEC"), new(16, "ST_SYNCHRONOUS"),
        new(32, "ST_VALID"), new(64, "ST_MANDLOCK"), new(128, "ST_WRITE"), new(256, "ST_APPEND"),
        new(512, "ST_IMMUTABLE"), new(1024, "ST_NOATIME"), new(2048, "ST_NODIRATIME"), new(4096, "ST_RELATIME"),
        new(8192, "ST_NOSYMFOLLOW"));

    /// <summary>&lt;linux/close_range.h&gt;</summary>
    public static readonly FlagSet CloseRangeFlags = new("CLOSE_RANGE_???", null,
        new(2, "CLOSE_RANGE_UNSHARE"), new(4, "CLOSE_RANGE_CLOEXEC"));

    /// <summary>&lt;linux/openat2.h&gt; RESOLVE_* flags of struct open_how.</summary>
    public static readonly FlagSet ResolveFlags = new("RESOLVE_???", null,
        new(1, "RESOLVE_NO_XDEV"), new(2, "RESOLVE_NO_MAGICLINKS"), new(4, "RESOLVE_NO_SYMLINKS"),
        new(8, "RESOLVE_BENEATH"), new(0x10, "RESOLVE_IN_ROOT"), new(0x20, "RESOLVE_CACHED"));

    /// <summary>&lt;linux/xattr.h&gt; setxattr flags.</summary>
    public static readonly FlagSet XattrFlags = new("XATTR_???", null,
        new(1, "XATTR_CREATE"), new(2, "XATTR_REPLACE"));
}

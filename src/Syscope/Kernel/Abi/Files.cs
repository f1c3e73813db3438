using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>x86_64 struct stat, which glibc's stat(2) wrapper fills with the same layout.</summary>
[CLayout("struct stat", "asm/stat.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Stat
{
    [CField("st_dev")] public ulong Dev;
    [CField("st_ino")] public ulong Ino;
    [CField("st_nlink")] public ulong Nlink;
    [CField("st_mode")] public uint Mode;
    [CField("st_uid")] public uint Uid;
    [CField("st_gid")] public uint Gid;
    private uint _pad0;
    [CField("st_rdev")] public ulong Rdev;
    [CField("st_size")] public long Size;
    [CField("st_blksize")] public long Blksize;
    [CField("st_blocks")] public long Blocks;
    [CField("st_atime")] public long Atime;
    [CField("st_atime_nsec")] public long AtimeNsec;
    [CField("st_mtime")] public long Mtime;
    [CField("st_mtime_nsec")] public long MtimeNsec;
    [CField("st_ctime")] public long Ctime;
    [CField("st_ctime_nsec")] public long CtimeNsec;
    private fixed long _unused[3];
}

[CLayout("struct statfs", "asm/statfs.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Statfs
{
    [CField("f_type")] public long Type;
    [CField("f_bsize")] public long Bsize;
    [CField("f_blocks")] public ulong Blocks;
    [CField("f_bfree")] public ulong Bfree;
    [CField("f_bavail")] public ulong Bavail;
    [CField("f_files")] public ulong Files;
    [CField("f_ffree")] public ulong Ffree;
    [CField("f_fsid.val[0]")] public uint Fsid0;
    [CField("f_fsid.val[1]")] public uint Fsid1;
    [CField("f_namelen")] public long Namelen;
    [CField("f_frsize")] public long Frsize;
    [CField("f_flags")] public long Flags;
    private fixed long _spare[4];
}

[CLayout("struct statx_timestamp", "linux/stat.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct StatxTimestamp
{
    [CField("tv_sec")] public long Sec;
    [CField("tv_nsec")] public uint Nsec;
    private int _reserved;
}

[CLayout("struct statx", "linux/stat.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Statx
{
    [CField("stx_mask")] public uint Mask;
    [CField("stx_blksize")] public uint Blksize;
    [CField("stx_attributes")] public ulong Attributes;
    [CField("stx_nlink")] public uint Nlink;
    [CField("stx_uid")] public uint Uid;
    [CField("stx_gid")] public uint Gid;
    [CField("stx_mode")] public ushort Mode;
    private ushort _spare0;
    [CField("stx_ino")] public ulong Ino;
    [CField("stx_size")] public ulong Size;
    [CField("stx_blocks")] public ulong Blocks;
    [CField("stx_attributes_mask")] public ulong AttributesMask;
    [CField("stx_atime")] public StatxTimestamp Atime;
    [CField("stx_btime")] public StatxTimestamp Btime;
    [CField("stx_ctime")] public StatxTimestamp Ctime;
    [CField("stx_mtime")] public StatxTimestamp Mtime;
    [CField("stx_rdev_major")] public uint RdevMajor;
    [CField("stx_rdev_minor")] public uint RdevMinor;
    [CField("stx_dev_major")] public uint DevMajor;
    [CField("stx_dev_minor")] public uint DevMinor;
    [CField("stx_mnt_id")] public ulong MntId;
    [CField("stx_dio_mem_align")] public uint DioMemAlign;
    [CField("stx_dio_offset_align")] public uint DioOffsetAlign;
    private fixed ulong _spare3[12];
}

/// <summary>openat2(2)'s how, as first published (24 bytes).</summary>
[CLayout("struct open_how", "linux/openat2.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct OpenHow
{
    [CField("flags")] public ulong Flags;
    [CField("mode")] public ulong Mode;
    [CField("resolve")] public ulong Resolve;
}

/// <summary>mount_setattr(2)'s attributes, as first published (MOUNT_ATTR_SIZE_VER0).</summary>
[CLayout("struct mount_attr", "linux/mount.h", Size = "MOUNT_ATTR_SIZE_VER0")]
[StructLayout(LayoutKind.Sequential)]
internal struct MountAttr
{
    [CField("attr_set")] public ulong Set;
    [CField("attr_clr")] public ulong Clear;
    [CField("propagation")] public ulong Propagation;
    [CField("userns_fd")] public ulong UsernsFd;
}

/// <summary>fcntl(2)'s record lock.</summary>
[CLayout("struct flock", "linux/fcntl.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Flock
{
    [CField("l_type")] public short Type;
    [CField("l_whence")] public short Whence;
    private int _pad;
    [CField("l_start")] public long Start;
    [CField("l_len")] public long Len;
    [CField("l_pid")] public int Pid;
    private int _pad2;
}

/// <summary>fcntl(2)'s F_SETOWN_EX/F_GETOWN_EX owner: a thread, process or group.</summary>
[CLayout("struct f_owner_ex", "linux/fcntl.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FOwnerEx
{
    [CField("type")] public int Type;
    [CField("pid")] public int Pid;
}

/// <summary>The fixed head of name_to_handle_at(2)'s handle; handle_bytes of f_handle follow it.</summary>
[CLayout("struct file_handle", "fcntl.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FileHandle
{
    [CField("handle_bytes")] public uint Bytes;
    [CField("handle_type")] public int Type;
}

/// <summary>What readdir64(3) returns a pointer to.</summary>
[CLayout("struct dirent64", "dirent.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Dirent64
{
    [CField("d_ino")] public ulong Ino;
    [CField("d_off")] public long Off;
    [CField("d_reclen")] public ushort Reclen;
    [CField("d_type")] public byte Type;
    [CField("d_name")] public fixed byte Name[256];
}

/// <summary>Q_GETQUOTA's and Q_SETQUOTA's quota of one id.</summary>
[CLayout("struct if_dqblk", "linux/quota.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IfDqblk
{
    [CField("dqb_bhardlimit")] public ulong BlockHardLimit;
    [CField("dqb_bsoftlimit")] public ulong BlockSoftLimit;
    [CField("dqb_curspace")] public ulong CurrentSpace;
    [CField("dqb_ihardlimit")] public ulong InodeHardLimit;
    [CField("dqb_isoftlimit")] public ulong InodeSoftLimit;
    [CField("dqb_curinodes")] public ulong CurrentInodes;
    [CField("dqb_btime")] public ulong BlockTime;
    [CField("dqb_itime")] public ulong InodeTime;
    [CField("dqb_valid")] public uint Valid;
}

/// <summary>Q_GETNEXTQUOTA's quota: if_dqblk and the id it belongs to.</summary>
[CLayout("struct if_nextdqblk", "linux/quota.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IfNextDqblk
{
    [CField("dqb_bhardlimit")] public ulong BlockHardLimit;
    [CField("dqb_bsoftlimit")] public ulong BlockSoftLimit;
    [CField("dqb_curspace")] public ulong CurrentSpace;
    [CField("dqb_ihardlimit")] public ulong InodeHardLimit;
    [CField("dqb_isoftlimit")] public ulong InodeSoftLimit;
    [CField("dqb_curinodes")] public ulong CurrentInodes;
    [CField("dqb_btime")] public ulong BlockTime;
    [CField("dqb_itime")] public ulong InodeTime;
    [CField("dqb_valid")] public uint Valid;
    [CField("dqb_id")] public uint Id;
}

/// <summary>Q_GETINFO's and Q_SETINFO's grace times and flags.</summary>
[CLayout("struct if_dqinfo", "linux/quota.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct IfDqinfo
{
    [CField("dqi_bgrace")] public ulong BlockGrace;
    [CField("dqi_igrace")] public ulong InodeGrace;
    [CField("dqi_flags")] public uint Flags;
    [CField("dqi_valid")] public uint Valid;
}

/// <summary>XFS quota of one id (Q_XGETQUOTA, Q_XSETQLIM, Q_XGETNEXTQUOTA).</summary>
[CLayout("struct fs_disk_quota", "linux/dqblk_xfs.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FsDiskQuota
{
    [CField("d_version")] public sbyte Version;
    [CField("d_flags")] public sbyte Flags;
    [CField("d_fieldmask")] public ushort FieldMask;
    [CField("d_id")] public uint Id;
    [CField("d_blk_hardlimit")] public ulong BlockHardLimit;
    [CField("d_blk_softlimit")] public ulong BlockSoftLimit;
    [CField("d_ino_hardlimit")] public ulong InodeHardLimit;
    [CField("d_ino_softlimit")] public ulong InodeSoftLimit;
    [CField("d_bcount")] public ulong BlockCount;
    [CField("d_icount")] public ulong InodeCount;
    [CField("d_itimer")] public int InodeTimer;
    [CField("d_btimer")] public int BlockTimer;
    [CField("d_iwarns")] public ushort InodeWarnings;
    [CField("d_bwarns")] public ushort BlockWarnings;
    [CField("d_itimer_hi")] public sbyte InodeTimerHigh;
    [CField("d_btimer_hi")] public sbyte BlockTimerHigh;
    [CField("d_rtbtimer_hi")] public sbyte RealtimeTimerHigh;
    [CField("d_padding2")] public sbyte Padding2;
    [CField("d_rtb_hardlimit")] public ulong RealtimeHardLimit;
    [CField("d_rtb_softlimit")] public ulong RealtimeSoftLimit;
    [CField("d_rtbcount")] public ulong RealtimeCount;
    [CField("d_rtbtimer")] public int RealtimeTimer;
    [CField("d_rtbwarns")] public ushort RealtimeWarnings;
    [CField("d_padding3")] public short Padding3;
    [CField("d_padding4")] public fixed byte Padding4[8];
}

/// <summary>A quota file's inode, blocks and extents in fs_quota_stat.</summary>
[CLayout("struct fs_qfilestat", "linux/dqblk_xfs.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FsQfilestat
{
    [CField("qfs_ino")] public ulong Inode;
    [CField("qfs_nblks")] public ulong Blocks;
    [CField("qfs_nextents")] public uint Extents;
}

/// <summary>Q_XGETQSTAT's XFS quota state (version 1, two quota files).</summary>
[CLayout("struct fs_quota_stat", "linux/dqblk_xfs.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FsQuotaStat
{
    [CField("qs_version")] public sbyte Version;
    [CField("qs_flags")] public ushort Flags;
    [CField("qs_pad")] public sbyte Pad;
    [CField("qs_uquota")] public FsQfilestat UserQuota;
    [CField("qs_gquota")] public FsQfilestat GroupQuota;
    [CField("qs_incoredqs")] public uint InCore;
    [CField("qs_btimelimit")] public int BlockTimeLimit;
    [CField("qs_itimelimit")] public int InodeTimeLimit;
    [CField("qs_rtbtimelimit")] public int RealtimeTimeLimit;
    [CField("qs_bwarnlimit")] public ushort BlockWarnLimit;
    [CField("qs_iwarnlimit")] public ushort InodeWarnLimit;
}

/// <summary>A quota file in fs_quota_statv, padded to 8 bytes.</summary>
[CLayout("struct fs_qfilestatv", "linux/dqblk_xfs.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FsQfilestatv
{
    [CField("qfs_ino")] public ulong Inode;
    [CField("qfs_nblks")] public ulong Blocks;
    [CField("qfs_nextents")] public uint Extents;
    [CField("qfs_pad")] public uint Pad;
}

/// <summary>Q_XGETQSTATV's XFS quota state, with the project quota file.</summary>
[CLayout("struct fs_quota_statv", "linux/dqblk_xfs.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FsQuotaStatv
{
    [CField("qs_version")] public sbyte Version;
    [CField("qs_pad1")] public byte Pad1;
    [CField("qs_flags")] public ushort Flags;
    [CField("qs_incoredqs")] public uint InCore;
    [CField("qs_uquota")] public FsQfilestatv UserQuota;
    [CField("qs_gquota")] public FsQfilestatv GroupQuota;
    [CField("qs_pquota")] public FsQfilestatv ProjectQuota;
    [CField("qs_btimelimit")] public int BlockTimeLimit;
    [CField("qs_itimelimit")] public int InodeTimeLimit;
    [CField("qs_rtbtimelimit")] public int RealtimeTimeLimit;
    [CField("qs_bwarnlimit")] public ushort BlockWarnLimit;
    [CField("qs_iwarnlimit")] public ushort InodeWarnLimit;
    [CField("qs_rtbwarnlimit")] public ushort RealtimeWarnLimit;
    [CField("qs_pad3")] public ushort Pad3;
    [CField("qs_pad4")] public uint Pad4;
    [CField("qs_pad2")] public fixed ulong Pad2[7];
}

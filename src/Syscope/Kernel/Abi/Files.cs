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

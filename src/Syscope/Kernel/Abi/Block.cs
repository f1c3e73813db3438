using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/loop.h>: the arguments of loop device requests.

[CLayout("struct loop_info", "linux/loop.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LoopInfo
{
    [CField("lo_number")] public int Number;
    [CField("lo_device")] public ulong Device;
    [CField("lo_inode")] public ulong Inode;
    [CField("lo_rdevice")] public ulong Rdevice;
    [CField("lo_offset")] public int Offset;
    [CField("lo_encrypt_type")] public int EncryptType;
    [CField("lo_encrypt_key_size")] public int EncryptKeySize;
    [CField("lo_flags")] public int Flags;
    [CField("lo_name")] public fixed byte Name[64];
    [CField("lo_encrypt_key")] public fixed byte EncryptKey[32];
    [CField("lo_init")] public fixed ulong Init[2];
    [CField("reserved")] public fixed byte Reserved[4];
}

[CLayout("struct loop_info64", "linux/loop.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LoopInfo64
{
    [CField("lo_device")] public ulong Device;
    [CField("lo_inode")] public ulong Inode;
    [CField("lo_rdevice")] public ulong Rdevice;
    [CField("lo_offset")] public ulong Offset;
    [CField("lo_sizelimit")] public ulong Sizelimit;
    [CField("lo_number")] public uint Number;
    [CField("lo_encrypt_type")] public uint EncryptType;
    [CField("lo_encrypt_key_size")] public uint EncryptKeySize;
    [CField("lo_flags")] public uint Flags;
    [CField("lo_file_name")] public fixed byte FileName[64];
    [CField("lo_crypt_name")] public fixed byte CryptName[64];
    [CField("lo_encrypt_key")] public fixed byte EncryptKey[32];
    [CField("lo_init")] public fixed ulong Init[2];
}

[CLayout("struct loop_config", "linux/loop.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LoopConfig
{
    [CField("fd")] public uint Fd;
    [CField("block_size")] public uint BlockSize;
    [CField("info")] public LoopInfo64 Info;
    [CField("__reserved")] public fixed ulong Reserved[8];
}

// <linux/blkpg.h> and <linux/blktrace_api.h>: arguments of block device requests.

[CLayout("struct blkpg_ioctl_arg", "linux/blkpg.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct BlkpgIoctlArg
{
    [CField("op")] public int Op;
    [CField("flags")] public int Flags;
    [CField("datalen")] public int Datalen;
    [CField("data")] public ulong Data;
}

[CLayout("struct blkpg_partition", "linux/blkpg.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BlkpgPartition
{
    [CField("start")] public long Start;
    [CField("length")] public long Length;
    [CField("pno")] public int Pno;
    [CField("devname")] public fixed byte Devname[64];
    [CField("volname")] public fixed byte Volname[64];
}

[CLayout("struct blk_user_trace_setup", "linux/blktrace_api.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BlkUserTraceSetup
{
    [CField("name")] public fixed byte Name[32];
    [CField("act_mask")] public ushort ActMask;
    [CField("buf_size")] public uint BufSize;
    [CField("buf_nr")] public uint BufNr;
    [CField("start_lba")] public ulong StartLba;
    [CField("end_lba")] public ulong EndLba;
    [CField("pid")] public uint Pid;
}

/// <summary>The uint64_t[2] BLKDISCARD, BLKSECDISCARD and BLKZEROOUT take: start and length in bytes.</summary>
[CLayout("struct blk_range", "linux/types.h", Declaration = "struct blk_range { __u64 start; __u64 len; };")]
[StructLayout(LayoutKind.Sequential)]
internal struct BlkRange
{
    [CField("start")] public ulong Start;
    [CField("len")] public ulong Length;
}

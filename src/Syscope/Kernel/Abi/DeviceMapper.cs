using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/dm-ioctl.h>: the device mapper's request header and the records in its data area.

[CLayout("struct dm_ioctl", "linux/dm-ioctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DmIoctl
{
    public const int NameLen = 128, UuidLen = 129;
    /// <summary>offsetof(struct dm_ioctl, data): what a request must have, and what strace reads.</summary>
    public const uint DataOffset = 305;
    [CField("version")] public fixed uint Version[3];
    [CField("data_size")] public uint DataSize;
    [CField("data_start")] public uint DataStart;
    [CField("target_count")] public uint TargetCount;
    [CField("open_count")] public int OpenCount;
    [CField("flags")] public uint Flags;
    [CField("event_nr")] public uint EventNr;
    [CField("padding")] public uint Padding;
    [CField("dev")] public ulong Dev;
    [CField("name")] public fixed byte Name[NameLen];
    [CField("uuid")] public fixed byte Uuid[UuidLen];
    [CField("data")] public fixed byte Data[7];
}

[CLayout("struct dm_target_spec", "linux/dm-ioctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DmTargetSpec
{
    [CField("sector_start")] public ulong SectorStart;
    [CField("length")] public ulong Length;
    [CField("status")] public int Status;
    [CField("next")] public uint Next;
    [CField("target_type")] public fixed byte TargetType[16];
}

/// <summary>struct dm_target_deps without its dev[] (u64 device numbers) that follow.</summary>
[CLayout("struct dm_target_deps", "linux/dm-ioctl.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct DmTargetDeps
{
    [CField("count")] public uint Count;
    [CField("padding")] public uint Padding;
}

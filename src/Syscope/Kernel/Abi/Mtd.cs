using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <mtd/mtd-abi.h>: the arguments of MTD (raw flash device) requests.

[CLayout("struct erase_info_user", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct EraseInfoUser
{
    [CField("start")] public uint Start;
    [CField("length")] public uint Length;
}

[CLayout("struct erase_info_user64", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct EraseInfoUser64
{
    [CField("start")] public ulong Start;
    [CField("length")] public ulong Length;
}

[CLayout("struct mtd_oob_buf", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct MtdOobBuf
{
    [CField("start")] public uint Start;
    [CField("length")] public uint Length;
    [CField("ptr")] public ulong Ptr;
}

[CLayout("struct mtd_oob_buf64", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct MtdOobBuf64
{
    [CField("start")] public ulong Start;
    [CField("pad")] public uint Pad;
    [CField("length")] public uint Length;
    [CField("usr_ptr")] public ulong UsrPtr;
}

[CLayout("struct otp_info", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct OtpInfo
{
    [CField("start")] public uint Start;
    [CField("length")] public uint Length;
    [CField("locked")] public uint Locked;
}

[CLayout("struct mtd_write_req", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MtdWriteReq
{
    [CField("start")] public ulong Start;
    [CField("len")] public ulong Len;
    [CField("ooblen")] public ulong OobLen;
    [CField("usr_data")] public ulong UsrData;
    [CField("usr_oob")] public ulong UsrOob;
    [CField("mode")] public byte Mode;
    [CField("padding")] public fixed byte Padding[7];
}

[CLayout("struct mtd_info_user", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct MtdInfoUser
{
    [CField("type")] public byte Type;
    [CField("flags")] public uint Flags;
    [CField("size")] public uint Size;
    [CField("erasesize")] public uint EraseSize;
    [CField("writesize")] public uint WriteSize;
    [CField("oobsize")] public uint OobSize;
    [CField("padding")] public ulong Padding;
}

[CLayout("struct region_info_user", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct RegionInfoUser
{
    [CField("offset")] public uint Offset;
    [CField("erasesize")] public uint EraseSize;
    [CField("numblocks")] public uint NumBlocks;
    [CField("regionindex")] public uint RegionIndex;
}

[CLayout("struct nand_oobinfo", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NandOobInfo
{
    [CField("useecc")] public uint UseEcc;
    [CField("eccbytes")] public uint EccBytes;
    [CField("oobfree")] public fixed uint OobFree[8 * 2];
    [CField("eccpos")] public fixed uint EccPos[32];
}

/// <summary>struct nand_ecclayout_user; its oobfree entries are struct nand_oobfree pairs
/// (offset, length).</summary>
[CLayout("struct nand_ecclayout_user", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NandEccLayoutUser
{
    public const int MaxEccPos = 64, MaxOobFree = 8;
    [CField("eccbytes")] public uint EccBytes;
    [CField("eccpos")] public fixed uint EccPos[MaxEccPos];
    [CField("oobavail")] public uint OobAvail;
    [CField("oobfree")] public fixed uint OobFree[MaxOobFree * 2];
}

[CLayout("struct mtd_ecc_stats", "mtd/mtd-abi.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct MtdEccStats
{
    [CField("corrected")] public uint Corrected;
    [CField("failed")] public uint Failed;
    [CField("badblocks")] public uint BadBlocks;
    [CField("bbtblocks")] public uint BbtBlocks;
}

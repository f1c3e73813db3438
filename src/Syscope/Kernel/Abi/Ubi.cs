using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <mtd/ubi-user.h>: the arguments of UBI (unsorted block images) requests.

[CLayout("struct ubi_attach_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UbiAttachReq
{
    [CField("ubi_num")] public int UbiNum;
    [CField("mtd_num")] public int MtdNum;
    [CField("vid_hdr_offset")] public int VidHdrOffset;
    [CField("max_beb_per1024")] public short MaxBebPer1024;
    [CField("disable_fm")] public sbyte DisableFm;
    [CField("padding")] public fixed sbyte Padding[9];
}

[CLayout("struct ubi_mkvol_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct UbiMkvolReq
{
    public const int MaxName = 127;
    [CField("vol_id")] public int VolId;
    [CField("alignment")] public int Alignment;
    [CField("bytes")] public long Bytes;
    [CField("vol_type")] public sbyte VolType;
    [CField("flags")] public byte Flags;
    [CField("name_len")] public short NameLen;
    [CField("padding2")] public fixed sbyte Padding2[4];
    [CField("name")] public fixed byte Name[MaxName + 1];
}

[CLayout("struct ubi_rsvol_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal struct UbiRsvolReq
{
    [CField("bytes")] public long Bytes;
    [CField("vol_id")] public int VolId;
}

/// <summary>The head of struct ubi_rnvol_req: its entries (struct UbiRnvolEntry) follow.</summary>
[CLayout("struct ubi_rnvol_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct UbiRnvolReq
{
    public const int MaxEntries = 32, EntrySize = 136;
    [CField("count")] public int Count;
    [CField("padding1")] public fixed sbyte Padding1[12];
    [CField("ents")] public fixed byte Ents[MaxEntries * EntrySize];
}

[CLayout("struct ubi_rnvol_entry", "mtd/ubi-user.h", Declaration = "struct ubi_rnvol_entry { __s32 vol_id; __s16 name_len; __s8 padding2[2]; char name[UBI_MAX_VOLUME_NAME + 1]; } __attribute__((packed));")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct UbiRnvolEntry
{
    [CField("vol_id")] public int VolId;
    [CField("name_len")] public short NameLen;
    [CField("padding2")] public fixed sbyte Padding2[2];
    [CField("name")] public fixed byte Name[UbiMkvolReq.MaxName + 1];
}

[CLayout("struct ubi_leb_change_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct UbiLebChangeReq
{
    [CField("lnum")] public int Lnum;
    [CField("bytes")] public int Bytes;
    [CField("dtype")] public sbyte Dtype;
    [CField("padding")] public fixed sbyte Padding[7];
}

[CLayout("struct ubi_map_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct UbiMapReq
{
    [CField("lnum")] public int Lnum;
    [CField("dtype")] public sbyte Dtype;
    [CField("padding")] public fixed sbyte Padding[3];
}

[CLayout("struct ubi_set_vol_prop_req", "mtd/ubi-user.h")]
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct UbiSetVolPropReq
{
    [CField("property")] public byte Property;
    [CField("padding")] public fixed byte Padding[7];
    [CField("value")] public ulong Value;
}

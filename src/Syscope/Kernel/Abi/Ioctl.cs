using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// Arguments of ioctl requests, one struct per kernel type, as the requests' families read them.

[CLayout("struct fstrim_range", "linux/fs.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct FstrimRange
{
    [CField("start")] public ulong Start;
    [CField("len")] public ulong Len;
    [CField("minlen")] public ulong Minlen;
}

[CLayout("struct fsxattr", "linux/fs.h")]
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct Fsxattr
{
    [CField("fsx_xflags")] public uint Xflags;
    [CField("fsx_extsize")] public uint Extsize;
    [CField("fsx_nextents")] public uint Nextents;
    [CField("fsx_projid")] public uint Projid;
    [CField("fsx_cowextsize")] public uint Cowextsize;
    [CField("fsx_pad")] public ulong Pad;
}

[CLayout("struct fiemap", "linux/fiemap.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Fiemap
{
    [CField("fm_start")] public ulong Start;
    [CField("fm_length")] public ulong Length;
    [CField("fm_flags")] public uint Flags;
    [CField("fm_mapped_extents")] public uint MappedExtents;
    [CField("fm_extent_count")] public uint ExtentCount;
    [CField("fm_reserved")] public uint Reserved;
}

[CLayout("struct fiemap_extent", "linux/fiemap.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct FiemapExtent
{
    [CField("fe_logical")] public ulong Logical;
    [CField("fe_physical")] public ulong Physical;
    [CField("fe_length")] public ulong Length;
    [CField("fe_reserved64")] public fixed ulong Reserved64[2];
    [CField("fe_flags")] public uint Flags;
    [CField("fe_reserved")] public fixed uint Reserved[3];
}

[CLayout("struct hd_geometry", "linux/hdreg.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct HdGeometry
{
    [CField("heads")] public byte Heads;
    [CField("sectors")] public byte Sectors;
    [CField("cylinders")] public ushort Cylinders;
    [CField("start")] public ulong Start;
}

[CLayout("struct seccomp_notif", "linux/seccomp.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SeccompNotif
{
    [CField("id")] public ulong Id;
    [CField("pid")] public uint Pid;
    [CField("flags")] public uint Flags;
    [CField("data.nr")] public int Nr;
    [CField("data.arch")] public uint Arch;
    [CField("data.instruction_pointer")] public ulong InstructionPointer;
    [CField("data.args")] public fixed ulong Args[6];
}

[CLayout("struct seccomp_notif_resp", "linux/seccomp.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SeccompNotifResp
{
    [CField("id")] public ulong Id;
    [CField("val")] public long Val;
    [CField("error")] public int Error;
    [CField("flags")] public uint Flags;
}

[CLayout("struct seccomp_notif_addfd", "linux/seccomp.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct SeccompNotifAddfd
{
    [CField("id")] public ulong Id;
    [CField("flags")] public uint Flags;
    [CField("srcfd")] public uint Srcfd;
    [CField("newfd")] public uint Newfd;
    [CField("newfd_flags")] public uint NewfdFlags;
}

[CLayout("struct rtc_time", "linux/rtc.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct RtcTime
{
    [CField("tm_sec")] public int Sec;
    [CField("tm_min")] public int Min;
    [CField("tm_hour")] public int Hour;
    [CField("tm_mday")] public int Mday;
    [CField("tm_mon")] public int Mon;
    [CField("tm_year")] public int Year;
    [CField("tm_wday")] public int Wday;
    [CField("tm_yday")] public int Yday;
    [CField("tm_isdst")] public int Isdst;
}

[CLayout("struct rtc_wkalrm", "linux/rtc.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct RtcWkalrm
{
    [CField("enabled")] public byte Enabled;
    [CField("pending")] public byte Pending;
    [CField("time")] public RtcTime Time;
}

[CLayout("struct rtc_pll_info", "linux/rtc.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct RtcPllInfo
{
    [CField("pll_ctrl")] public int Ctrl;
    [CField("pll_value")] public int Value;
    [CField("pll_max")] public int Max;
    [CField("pll_min")] public int Min;
    [CField("pll_posmult")] public int Posmult;
    [CField("pll_negmult")] public int Negmult;
    [CField("pll_clock")] public long Clock;
}

[CLayout("struct rtc_param", "linux/rtc.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct RtcParam
{
    [CField("param")] public ulong Param;
    [CField("uvalue")] public ulong Value;
    [CField("index")] public uint Index;
    [CField("__pad")] public uint Pad;
}

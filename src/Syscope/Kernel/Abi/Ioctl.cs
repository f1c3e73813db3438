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

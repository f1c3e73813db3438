using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// <linux/userfaultfd.h>: the arguments of userfaultfd requests.

[CLayout("struct uffdio_api", "linux/userfaultfd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UffdioApi
{
    [CField("api")] public ulong Api;
    [CField("features")] public ulong Features;
    [CField("ioctls")] public ulong Ioctls;
}

[CLayout("struct uffdio_range", "linux/userfaultfd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UffdioRange
{
    [CField("start")] public ulong Start;
    [CField("len")] public ulong Len;
}

/// <summary>struct uffdio_register, and struct uffdio_zeropage, whose range and mode lie alike and
/// whose last word is the bytes zeroed rather than the requests allowed.</summary>
[CLayout("struct uffdio_register", "linux/userfaultfd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UffdioRegister
{
    [CField("range")] public UffdioRange Range;
    [CField("mode")] public ulong Mode;
    [CField("ioctls")] public ulong Ioctls;
}

[CLayout("struct uffdio_copy", "linux/userfaultfd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UffdioCopy
{
    [CField("dst")] public ulong Dst;
    [CField("src")] public ulong Src;
    [CField("len")] public ulong Len;
    [CField("mode")] public ulong Mode;
    [CField("copy")] public long Copy;
}

using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>The kernel's struct termios (TCGETS/TCSETS), not the C library's larger one.</summary>
[CLayout("struct termios", "asm/termbits.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termios
{
    [CField("c_iflag")] public uint Iflag;
    [CField("c_oflag")] public uint Oflag;
    [CField("c_cflag")] public uint Cflag;
    [CField("c_lflag")] public uint Lflag;
    [CField("c_line")] public byte Line;
    [CField("c_cc")] public fixed byte Cc[19];
}

[CLayout("struct winsize", "asm/termios.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Winsize
{
    [CField("ws_row")] public ushort Row;
    [CField("ws_col")] public ushort Col;
    [CField("ws_xpixel")] public ushort Xpixel;
    [CField("ws_ypixel")] public ushort Ypixel;
}

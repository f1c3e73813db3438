using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

/// <summary>cc_t c_cc[NCCS]: the control characters of termios and termios2, by index (VINTR...).</summary>
[CLayout("cc_t[NCCS]", "asm/termbits.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ControlChars
{
    public const int Count = 19;
    private fixed byte _chars[Count];

    public ReadOnlySpan<byte> AsSpan() => MemoryMarshal.CreateReadOnlySpan(ref _chars[0], Count);
}

/// <summary>The kernel's struct termios (TCGETS/TCSETS), not the C library's larger one.</summary>
[CLayout("struct termios", "asm/termbits.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Termios
{
    [CField("c_iflag")] public uint Iflag;
    [CField("c_oflag")] public uint Oflag;
    [CField("c_cflag")] public uint Cflag;
    [CField("c_lflag")] public uint Lflag;
    [CField("c_line")] public byte Line;
    [CField("c_cc")] public ControlChars Cc;
}

/// <summary>struct termios2 (TCGETS2/TCSETS2): termios with the line speeds in numbers.</summary>
[CLayout("struct termios2", "asm/termbits.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Termios2
{
    [CField("c_iflag")] public uint Iflag;
    [CField("c_oflag")] public uint Oflag;
    [CField("c_cflag")] public uint Cflag;
    [CField("c_lflag")] public uint Lflag;
    [CField("c_line")] public byte Line;
    [CField("c_cc")] public ControlChars Cc;
    [CField("c_ispeed")] public uint Ispeed;
    [CField("c_ospeed")] public uint Ospeed;
}

/// <summary>The older struct termio (TCGETA/TCSETA): 16-bit flags and 8 control characters.</summary>
[CLayout("struct termio", "asm/termios.h")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct Termio
{
    [CField("c_iflag")] public ushort Iflag;
    [CField("c_oflag")] public ushort Oflag;
    [CField("c_cflag")] public ushort Cflag;
    [CField("c_lflag")] public ushort Lflag;
    [CField("c_line")] public byte Line;
    [CField("c_cc")] public fixed byte Cc[8];
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

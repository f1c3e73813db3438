using System.Runtime.InteropServices;

namespace Syscope.Kernel.Abi;

// Arguments of the console's keyboard and display requests (<linux/kd.h>).

/// <summary>struct kbentry (KDGKBENT/KDSKBENT): one entry of a keymap.</summary>
[CLayout("struct kbentry", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KbEntry
{
    [CField("kb_table")] public byte Table;
    [CField("kb_index")] public byte Index;
    [CField("kb_value")] public ushort Value;

    /// <summary>offsetof(struct kbentry, kb_value): the table and index before it are the request.</summary>
    public const int ValueOffset = 2;
}

/// <summary>struct kbdiacr: a dead key, the base character and what they make together.</summary>
[CLayout("struct kbdiacr", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KbDiacr
{
    [CField("diacr")] public byte Diacr;
    [CField("base")] public byte Base;
    [CField("result")] public byte Result;
}

/// <summary>struct kbdiacruc: KbDiacr in Unicode code points.</summary>
[CLayout("struct kbdiacruc", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KbDiacrUc
{
    [CField("diacr")] public uint Diacr;
    [CField("base")] public uint Base;
    [CField("result")] public uint Result;
}

/// <summary>struct kbkeycode (KDGETKEYCODE/KDSETKEYCODE).</summary>
[CLayout("struct kbkeycode", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KbKeycode
{
    [CField("scancode")] public uint Scancode;
    [CField("keycode")] public uint Keycode;

    public const int KeycodeOffset = 4;
}

/// <summary>struct kbd_repeat (KDKBDREP): the typematic delay and period.</summary>
[CLayout("struct kbd_repeat", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct KbdRepeat
{
    [CField("delay")] public int Delay;
    [CField("period")] public int Period;
}

/// <summary>struct unimapinit (PIO_UNIMAPCLR).</summary>
[CLayout("struct unimapinit", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UnimapInit
{
    [CField("advised_hashsize")] public ushort HashSize;
    [CField("advised_hashstep")] public ushort HashStep;
    [CField("advised_hashlevel")] public ushort HashLevel;
}

/// <summary>struct unipair: a Unicode character and the font position showing it.</summary>
[CLayout("struct unipair", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct Unipair
{
    [CField("unicode")] public ushort Unicode;
    [CField("fontpos")] public ushort FontPos;
}

/// <summary>struct unimapdesc (GIO_UNIMAP/PIO_UNIMAP): a count and the unipair array.</summary>
[CLayout("struct unimapdesc", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct UnimapDesc
{
    [CField("entry_ct")] public ushort EntryCount;
    [CField("entries")] public ulong Entries;
}

/// <summary>struct consolefontdesc (GIO_FONTX/PIO_FONTX).</summary>
[CLayout("struct consolefontdesc", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ConsoleFontDesc
{
    [CField("charcount")] public ushort CharCount;
    [CField("charheight")] public ushort CharHeight;
    [CField("chardata")] public ulong CharData;
}

/// <summary>struct console_font_op (KDFONTOP).</summary>
[CLayout("struct console_font_op", "linux/kd.h")]
[StructLayout(LayoutKind.Sequential)]
internal struct ConsoleFontOp
{
    [CField("op")] public uint Op;
    [CField("flags")] public uint Flags;
    [CField("width")] public uint Width;
    [CField("height")] public uint Height;
    [CField("charcount")] public uint CharCount;
    [CField("data")] public ulong Data;
}

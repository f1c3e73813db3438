using System.Runtime.InteropServices;
using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>The kernel's struct termios as strace prints it.  strace writes each flag field as the
/// names joined with '|' and nothing at all for zero ("c_iflag="), and ends the delay and size
/// fields with a '|' even when no flag follows ("c_cflag=B0|CS5|"); that is copied as is.</summary>
internal static class TermiosPrinter
{
    public static unsafe void Print(ref DecodeContext c, ulong addr)
    {
        if (!Read(ref c, addr, out Termios t)) return;
        Fields(ref c, t.Iflag, t.Oflag, t.Cflag, t.Lflag);
        if (c.Unabbreviated) Line(c.Out, t.Line, new ReadOnlySpan<byte>(t.Cc, 19));
        c.Out.Raw((byte)'}');
    }

    /// <summary>struct termios2: termios, then with -v the speeds as numbers.</summary>
    public static unsafe void Print2(ref DecodeContext c, ulong addr)
    {
        if (!Read(ref c, addr, out Termios2 t)) return;
        Fields(ref c, t.Iflag, t.Oflag, t.Cflag, t.Lflag);
        if (c.Unabbreviated)
        {
            Line(c.Out, t.Line, new ReadOnlySpan<byte>(t.Cc, 19));
            c.Out.Raw(", c_ispeed="u8).UInt(t.Ispeed).Raw(", c_ospeed="u8).UInt(t.Ospeed);
        }
        c.Out.Raw((byte)'}');
    }

    /// <summary>The older struct termio: 16-bit flags, 8 control characters.</summary>
    public static unsafe void PrintTermio(ref DecodeContext c, ulong addr)
    {
        if (!Read(ref c, addr, out Termio t)) return;
        Fields(ref c, t.Iflag, t.Oflag, t.Cflag, t.Lflag);
        if (c.Unabbreviated) Line(c.Out, t.Line, new ReadOnlySpan<byte>(t.Cc, 8));
        c.Out.Raw((byte)'}');
    }

    private static bool Read<T>(ref DecodeContext c, ulong addr, out T t) where T : unmanaged
    {
        if (addr != 0 && Printers.TryRead(ref c, addr, out t)) return true;
        t = default;
        c.Out.Ptr(addr);
        return false;
    }

    /// <summary>The four flag fields, and ", ..." in place of the rest unless -v.</summary>
    private static void Fields(ref DecodeContext c, uint iflag, uint oflag, uint cflag, uint lflag)
    {
        var w = c.Out;
        w.Raw("{c_iflag="u8);
        Bare(w, TermiosConstants.InputFlags, iflag);
        w.Raw(", c_oflag="u8);
        foreach (var (mask, shift, names) in TermiosConstants.OutputDelays)
        {
            var mark = w.BeginConst();
            w.Ascii(names[(oflag & mask) >> shift]);
            w.EndConst(mark, oflag & mask);
            w.Raw((byte)'|');
        }
        Bare(w, TermiosConstants.OutputFlags, oflag & ~TermiosConstants.OutputDelayMask);
        w.Raw(", c_cflag="u8);
        TermiosConstants.Speeds.Print(w, cflag & TermiosConstants.BaudMask);
        ulong inBaud = (cflag >> TermiosConstants.InputBaudShift) & TermiosConstants.BaudMask;
        if (inBaud != 0) { w.Raw((byte)'|'); TermiosConstants.Speeds.Print(w, inBaud); Shift(w); }
        w.Raw((byte)'|');
        TermiosConstants.CharSizes.Print(w, cflag & TermiosConstants.SizeMask);
        w.Raw((byte)'|');
        ulong known = TermiosConstants.BaudMask | TermiosConstants.SizeMask | (TermiosConstants.BaudMask << TermiosConstants.InputBaudShift);
        Bare(w, TermiosConstants.ControlFlags, cflag & ~known);
        w.Raw(", c_lflag="u8);
        Bare(w, TermiosConstants.LocalFlags, lflag);
        if (!c.Unabbreviated) w.Raw(", ..."u8);
    }

    /// <summary>The line discipline and the control characters, by index name.</summary>
    private static void Line(ArgWriter w, byte line, ReadOnlySpan<byte> cc)
    {
        w.Raw(", c_line="u8);
        TermiosConstants.LineDisciplines.Print(w, line);
        w.Raw(", c_cc=["u8);
        for (int i = 0; i < cc.Length; i++)
        {
            if (i > 0) w.Raw(", "u8);
            w.Raw((byte)'[');
            if (i < TermiosConstants.ControlChars.Length) w.Ascii(TermiosConstants.ControlChars[i]); else w.Int(i);
            w.Raw("]="u8).Hex(cc[i]);
        }
        w.Raw((byte)']');
    }

    private static void Shift(ArgWriter w)
    {
        w.Raw("<<"u8);
        var mark = w.BeginConst();
        w.Raw("IBSHIFT"u8);
        w.EndConst(mark, (ulong)TermiosConstants.InputBaudShift);
    }

    /// <summary>Flags without a zero name: nothing for zero, plain hex for unknown bits.</summary>
    private static void Bare(ArgWriter w, FlagSet set, ulong v)
    {
        if (v != 0) set.Print(w, v, after: false, bare: true);
    }
}

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
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out Termios t)) { c.Out.Hex(addr); return; }
        var w = c.Out;
        w.Raw("{c_iflag="u8);
        Bare(w, TermiosConstants.InputFlags, t.Iflag);
        w.Raw(", c_oflag="u8);
        foreach (var (mask, shift, names) in TermiosConstants.OutputDelays)
        {
            var mark = w.BeginConst();
            w.Ascii(names[(t.Oflag & mask) >> shift]);
            w.EndConst(mark, t.Oflag & mask);
            w.Raw((byte)'|');
        }
        Bare(w, TermiosConstants.OutputFlags, t.Oflag & ~TermiosConstants.OutputDelayMask);
        w.Raw(", c_cflag="u8);
        TermiosConstants.Speeds.Print(w, t.Cflag & TermiosConstants.BaudMask);
        ulong inBaud = (t.Cflag >> TermiosConstants.InputBaudShift) & TermiosConstants.BaudMask;
        if (inBaud != 0) { w.Raw((byte)'|'); TermiosConstants.Speeds.Print(w, inBaud); Shift(w); }
        w.Raw((byte)'|');
        TermiosConstants.CharSizes.Print(w, t.Cflag & TermiosConstants.SizeMask);
        w.Raw((byte)'|');
        ulong known = TermiosConstants.BaudMask | TermiosConstants.SizeMask | (TermiosConstants.BaudMask << TermiosConstants.InputBaudShift);
        Bare(w, TermiosConstants.ControlFlags, t.Cflag & ~known);
        w.Raw(", c_lflag="u8);
        Bare(w, TermiosConstants.LocalFlags, t.Lflag);
        if (!c.Unabbreviated) { w.Raw(", ...}"u8); return; }
        w.Raw(", c_line="u8);
        TermiosConstants.LineDisciplines.Print(w, t.Line);
        w.Raw(", c_cc=["u8);
        for (int i = 0; i < 19; i++)
        {
            if (i > 0) w.Raw(", "u8);
            w.Raw((byte)'[');
            if (i < TermiosConstants.ControlChars.Length) w.Ascii(TermiosConstants.ControlChars[i]); else w.Int(i);
            w.Raw("]="u8).Hex(t.Cc[i]);
        }
        w.Raw("]}"u8);
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

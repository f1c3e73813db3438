using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding;

/// <summary>The kernel's struct termios as strace prints it.  strace writes each flag field as the
/// names joined with '|' and nothing at all for zero ("c_iflag="), and ends the delay and size
/// fields with a '|' even when no flag follows ("c_cflag=B0|CS5|"); that is copied as is.  For
/// --json each flag field is one set of flags with the field's whole number, c_line a constant and
/// c_cc a structure keyed by the control characters' index names.</summary>
internal static class TermiosPrinter
{
    public static void Print(ref DecodeContext c, ulong addr)
    {
        if (!Read(ref c, addr, out Termios t)) return;
        Fields(ref c, t.Iflag, t.Oflag, t.Cflag, t.Lflag);
        if (c.Unabbreviated) Line(c.Out, t.Line, t.Cc.AsSpan());
        c.Out.EndStruct(abbreviated: !c.Unabbreviated);
    }

    /// <summary>struct termios2: termios, then with -v the speeds as numbers.</summary>
    public static void Print2(ref DecodeContext c, ulong addr)
    {
        if (!Read(ref c, addr, out Termios2 t)) return;
        Fields(ref c, t.Iflag, t.Oflag, t.Cflag, t.Lflag);
        if (c.Unabbreviated)
        {
            Line(c.Out, t.Line, t.Cc.AsSpan());
            c.Out.Field("c_ispeed"u8).UInt(t.Ispeed);
            c.Out.Field("c_ospeed"u8).UInt(t.Ospeed);
        }
        c.Out.EndStruct(abbreviated: !c.Unabbreviated);
    }

    /// <summary>The older struct termio: 16-bit flags, 8 control characters.</summary>
    public static unsafe void PrintTermio(ref DecodeContext c, ulong addr)
    {
        if (!Read(ref c, addr, out Termio t)) return;
        Fields(ref c, t.Iflag, t.Oflag, t.Cflag, t.Lflag);
        if (c.Unabbreviated) Line(c.Out, t.Line, new ReadOnlySpan<byte>(t.Cc, 8));
        c.Out.EndStruct(abbreviated: !c.Unabbreviated);
    }

    private static bool Read<T>(ref DecodeContext c, ulong addr, out T t) where T : unmanaged
    {
        if (addr != 0 && Printers.TryRead(ref c, addr, out t)) return true;
        t = default;
        c.Out.Ptr(addr);
        return false;
    }

    /// <summary>"{" and the four flag fields; the caller closes the structure (", ..." in place of
    /// the rest unless -v).</summary>
    private static void Fields(ref DecodeContext c, uint iflag, uint oflag, uint cflag, uint lflag)
    {
        var w = c.Out;
        w.BeginStruct();
        w.Field("c_iflag"u8);
        Bare(w, TermiosConstants.InputFlags, iflag);
        w.Field("c_oflag"u8);
        var whole = w.BeginFlagsOf();
        foreach (var (mask, shift, names) in TermiosConstants.OutputDelays)
        {
            var mark = w.BeginConst();
            int start = w.Length;
            w.Ascii(names[(oflag & mask) >> shift]);
            w.NameWritten(start);
            w.EndConst(mark, oflag & mask);
            w.Raw((byte)'|');
        }
        Bare(w, TermiosConstants.OutputFlags, oflag & ~TermiosConstants.OutputDelayMask, inSet: true);
        w.EndFlagsOf(whole, oflag);
        w.Field("c_cflag"u8);
        whole = w.BeginFlagsOf();
        TermiosConstants.Speeds.Print(w, cflag & TermiosConstants.BaudMask);
        ulong inBaud = (cflag >> TermiosConstants.InputBaudShift) & TermiosConstants.BaudMask;
        if (inBaud != 0) { w.Raw((byte)'|'); TermiosConstants.Speeds.Print(w, inBaud); Shift(w); }
        w.Raw((byte)'|');
        TermiosConstants.CharSizes.Print(w, cflag & TermiosConstants.SizeMask);
        w.Raw((byte)'|');
        ulong known = TermiosConstants.BaudMask | TermiosConstants.SizeMask | (TermiosConstants.BaudMask << TermiosConstants.InputBaudShift);
        Bare(w, TermiosConstants.ControlFlags, cflag & ~known, inSet: true);
        w.EndFlagsOf(whole, cflag);
        w.Field("c_lflag"u8);
        Bare(w, TermiosConstants.LocalFlags, lflag);
    }

    /// <summary>The line discipline and the control characters, by index name.</summary>
    private static void Line(ArgWriter w, byte line, ReadOnlySpan<byte> cc)
    {
        w.Field("c_line"u8);
        TermiosConstants.LineDisciplines.Print(w, line);
        w.Field("c_cc"u8).BeginDesignated();
        for (int i = 0; i < cc.Length; i++) w.Designated(s_designators[i]).Hex(cc[i]);
        w.EndDesignated();
    }

    /// <summary>c_cc's indexes as strace writes them: by name, the unnamed slots by number.</summary>
    private static readonly string[] s_designators =
        [.. TermiosConstants.ControlChars, .. Enumerable.Range(TermiosConstants.ControlChars.Length, ControlChars.Count - TermiosConstants.ControlChars.Length).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static void Shift(ArgWriter w)
    {
        w.Raw("<<"u8);
        var mark = w.BeginConst();
        w.Raw("IBSHIFT"u8);
        w.EndConst(mark, (ulong)TermiosConstants.InputBaudShift);
    }

    /// <summary>Flags without a zero name: nothing for zero (for --json a set with no names), plain
    /// hex for unknown bits.  inSet: part of a set of flags the caller opened, so zero adds nothing.</summary>
    private static void Bare(ArgWriter w, FlagSet set, ulong v, bool inSet = false)
    {
        if (v != 0) set.Print(w, v, after: false, bare: true);
        else if (!inSet) w.EndFlagsOf(w.BeginFlagsOf(), 0);
    }
}

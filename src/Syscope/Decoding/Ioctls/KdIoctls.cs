using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/kd.h&gt; console requests (type 'K'): the speaker, LEDs, display and keyboard
/// modes, keymap entries and function key strings, accent tables, fonts and screen maps.</summary>
internal sealed class KdIoctls : IoctlFamily
{
    private const uint KIOCSOUND = 0x4b2f, KDMKTONE = 0x4b30, KDGETLED = 0x4b31, KDSETLED = 0x4b32, KDGKBTYPE = 0x4b33;
    private const uint KDADDIO = 0x4b34, KDDELIO = 0x4b35, KDENABIO = 0x4b36, KDDISABIO = 0x4b37;
    private const uint KDSETMODE = 0x4b3a, KDGETMODE = 0x4b3b, KDMAPDISP = 0x4b3c, KDUNMAPDISP = 0x4b3d;
    private const uint GIO_SCRNMAP = 0x4b40, PIO_SCRNMAP = 0x4b41, KDGKBMODE = 0x4b44, KDSKBMODE = 0x4b45;
    private const uint KDGKBENT = 0x4b46, KDSKBENT = 0x4b47, KDGKBSENT = 0x4b48, KDSKBSENT = 0x4b49;
    private const uint KDGKBDIACR = 0x4b4a, KDSKBDIACR = 0x4b4b, KDGETKEYCODE = 0x4b4c, KDSETKEYCODE = 0x4b4d;
    private const uint KDSIGACCEPT = 0x4b4e, KDKBDREP = 0x4b52, GIO_FONT = 0x4b60, PIO_FONT = 0x4b61;
    private const uint KDGKBMETA = 0x4b62, KDSKBMETA = 0x4b63, KDGKBLED = 0x4b64, KDSKBLED = 0x4b65;
    private const uint GIO_UNIMAP = 0x4b66, PIO_UNIMAP = 0x4b67, PIO_UNIMAPCLR = 0x4b68, GIO_UNISCRNMAP = 0x4b69;
    private const uint PIO_UNISCRNMAP = 0x4b6a, GIO_FONTX = 0x4b6b, PIO_FONTX = 0x4b6c, PIO_FONTRESET = 0x4b6d;
    private const uint GIO_CMAP = 0x4b70, PIO_CMAP = 0x4b71, KDFONTOP = 0x4b72, KDGKBDIACRUC = 0x4bfa, KDSKBDIACRUC = 0x4bfb;

    /// <summary>The i8254 timer's input clock (PIT_TICK_RATE): a tone's count divides it into hertz.</summary>
    private const uint PitTickRate = 1193182;
    /// <summary>E_TABSZ: entries in a screen map; MAX_DIACR: entries in an accent table.</summary>
    private const int ScreenMapSize = 256, MaxDiacr = 256;
    /// <summary>GIO_FONT/PIO_FONT move 256 characters of 32 rows of 8 pixels.</summary>
    private const int OldFontSize = 8192, ColourMapSize = 3 * 16, FunctionStringSize = 512, FontNameMax = 32;
    /// <summary>The first and last I/O ports KDADDIO/KDDELIO accept (GPFIRST, GPLAST).</summary>
    private const ulong GpFirst = 0x3b4, GpLast = 0x3df;
    /// <summary>&lt;linux/kd.h&gt; UNI_DIRECT_BASE and UNI_DIRECT_MASK: characters the font holds at their own position.</summary>
    private const ushort UniDirectBase = 0xf000, UniDirectMask = 0x1ff;
    private const uint FontOpSet = 0, FontOpGet = 1, FontOpSetDefault = 2, FontOpCopy = 3;

    public override ReadOnlySpan<byte> Types => [(byte)'K'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case KDENABIO or KDDISABIO or KDMAPDISP or KDUNMAPDISP or PIO_FONTRESET: return IoctlArg.Done;
            case KDGETLED or KDGKBLED or KDGKBTYPE or KDGETMODE or KDGKBMODE or KDGKBMETA or GIO_SCRNMAP or GIO_UNISCRNMAP
                or GIO_FONT or GIO_CMAP or KDGKBDIACR or KDGKBDIACRUC:
                return IoctlArg.AtExit;
            case KIOCSOUND:
                w.Sep().UInt(arg);
                Comment(w, arg == 0 ? 0 : PitTickRate / arg, 0);
                return IoctlArg.Done;
            case KDMKTONE: Tone(w.Sep(), (uint)arg); return IoctlArg.Done;
            case KDSETLED: w.Sep(); DeviceIoctlConstants.Leds.Print(w, (byte)arg); return IoctlArg.Done;
            case KDSKBLED: w.Sep(); DeviceIoctlConstants.DefaultLeds.Print(w, (byte)arg); return IoctlArg.Done;
            case KDADDIO or KDDELIO:
                w.Sep().Hex(arg);
                if (arg is >= GpFirst and <= GpLast && w.Style != ConstStyle.Raw)
                {
                    int end = w.Length;
                    w.Raw(" /* GPFIRST + "u8).UInt(arg - GpFirst).Raw(" */"u8);
                    w.Annotated(end);
                }
                return IoctlArg.Done;
            case KDSETMODE: w.Sep(); DeviceIoctlConstants.DisplayModes.Print(w, (uint)arg); return IoctlArg.Done;
            case KDSKBMODE: w.Sep(); DeviceIoctlConstants.KeyboardModes.PrintSigned(w, (int)arg); return IoctlArg.Done;
            case KDSKBMETA: w.Sep(); DeviceIoctlConstants.MetaModes.Print(w, (uint)arg); return IoctlArg.Done;
            case KDSIGACCEPT:
                w.Sep();
                if (arg < int.MaxValue) SignalPrinters.Signal(w, (long)arg); else w.UInt(arg);
                return IoctlArg.Done;
            case PIO_SCRNMAP: w.Sep(); Printers.Buffer(ref c, arg, ScreenMapSize, forceHex: true); return IoctlArg.Done;
            case PIO_FONT: w.Sep(); Printers.Buffer(ref c, arg, OldFontSize, forceHex: true); return IoctlArg.Done;
            case PIO_CMAP: w.Sep(); Printers.Buffer(ref c, arg, ColourMapSize, forceHex: true); return IoctlArg.Done;
            case PIO_UNISCRNMAP: w.Sep(); UniScreenMap(ref c, arg); return IoctlArg.Done;
            case KDSKBDIACR: w.Sep(); Diacrs(ref c, arg); return IoctlArg.Done;
            case KDSKBDIACRUC: w.Sep(); DiacrsUc(ref c, arg); return IoctlArg.Done;
            case KDGKBENT or KDSKBENT: w.Sep(); return KeymapEntry(ref c, arg, cmd == KDGKBENT);
            case KDGKBSENT or KDSKBSENT: w.Sep(); return FunctionString(ref c, arg, cmd == KDGKBSENT);
            case KDGETKEYCODE or KDSETKEYCODE:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out KbKeycode k)) return IoctlArg.Done;
                    w.BeginStruct().Field("scancode"u8).Hex(k.Scancode).Field("keycode"u8);
                    c.Scratch.B = w.Length;
                    w.Hex(k.Keycode);
                    if (cmd == KDGETKEYCODE) return IoctlArg.Continues;
                    w.EndStruct();
                    return IoctlArg.Done;
                }
            case KDKBDREP:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out KbdRepeat r)) return IoctlArg.Done;
                    Repeat(w, r);
                    return IoctlArg.Continues;
                }
            case PIO_UNIMAPCLR:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out UnimapInit u)) return IoctlArg.Done;
                    w.BeginStruct().Field("advised_hashsize"u8).UInt(u.HashSize).Field("advised_hashstep"u8).UInt(u.HashStep)
                        .Field("advised_hashlevel"u8).UInt(u.HashLevel).EndStruct();
                    return IoctlArg.Done;
                }
            case GIO_UNIMAP or PIO_UNIMAP:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out UnimapDesc d)) return IoctlArg.Done;
                    w.BeginStruct().Field("entry_ct"u8);
                    c.Scratch.B = w.Length;
                    w.UInt(d.EntryCount);
                    if (cmd == GIO_UNIMAP) { c.Scratch.A = d.EntryCount; return IoctlArg.Continues; }
                    Unipairs(ref c, d.Entries, d.EntryCount);
                    w.EndStruct();
                    return IoctlArg.Done;
                }
            case GIO_FONTX or PIO_FONTX:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out ConsoleFontDesc f)) return IoctlArg.Done;
                    FontDesc(ref c, f, cmd == GIO_FONTX);
                    return cmd == GIO_FONTX ? IoctlArg.Continues : IoctlArg.Done;
                }
            case KDFONTOP:
                {
                    w.Sep();
                    if (!IoctlArgs.Read(ref c, arg, out ConsoleFontOp op)) return IoctlArg.Done;
                    FontOp(ref c, op, entering: true);
                    return op.Op is FontOpSet or FontOpCopy ? IoctlArg.Done : IoctlArg.Continues;
                }
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        var w = c.Out;
        switch (cmd)
        {
            case GIO_UNIMAP: UnimapExit(ref c, arg); return;
            case KDGKBENT: KeymapValue(ref c, arg); return;
            case KDGKBSENT:
                if (!c.Failed) { w.Field("kb_string"u8); FunctionKeyString(ref c, arg + 1); }
                w.EndStruct();
                return;
            case KDGETKEYCODE:
                if (!c.Failed && Printers.TryRead(ref c, arg + KbKeycode.KeycodeOffset, out uint keycode))
                    w.Raw(" => "u8).Hex(keycode).MarkNumber((int)c.Scratch.B, keycode);
                w.EndStruct();
                return;
            case KDKBDREP:
                if (!c.Failed && Printers.TryRead(ref c, arg, out KbdRepeat r))
                {
                    var back = IoctlArgs.BeginWrittenBack(w);
                    Repeat(w, r);
                    IoctlArgs.EndWrittenBack(w, back);
                }
                return;
            case GIO_FONTX:
                if (!c.Failed && Printers.TryRead(ref c, arg, out ConsoleFontDesc f))
                {
                    var back = IoctlArgs.BeginWrittenBack(w);
                    FontDesc(ref c, f, get: false);
                    IoctlArgs.EndWrittenBack(w, back);
                }
                return;
            case KDFONTOP:
                if (!c.Failed && Printers.TryRead(ref c, arg, out ConsoleFontOp op))
                {
                    var back = IoctlArgs.BeginWrittenBack(w);
                    FontOp(ref c, op, entering: false);
                    IoctlArgs.EndWrittenBack(w, back);
                }
                return;
        }
        // The rest are the kernel's answer alone, the address after a failure.
        if (c.Failed) { w.Ptr(arg); return; }
        switch (cmd)
        {
            case GIO_UNISCRNMAP: UniScreenMap(ref c, arg); return;
            case GIO_SCRNMAP: Printers.Buffer(ref c, arg, ScreenMapSize, forceHex: true); return;
            case GIO_FONT: Printers.Buffer(ref c, arg, OldFontSize, forceHex: true); return;
            case GIO_CMAP: Printers.Buffer(ref c, arg, ColourMapSize, forceHex: true); return;
            case KDGKBDIACR: Diacrs(ref c, arg); return;
            case KDGKBDIACRUC: DiacrsUc(ref c, arg); return;
            case KDGETLED or KDGKBLED or KDGKBTYPE:
                {
                    if (!IoctlArgs.Read(ref c, arg, out byte v)) return;
                    w.BeginArray().Element();
                    if (cmd == KDGKBTYPE) DeviceIoctlConstants.KeyboardTypes.Print(w, v);
                    else (cmd == KDGETLED ? DeviceIoctlConstants.Leds : DeviceIoctlConstants.DefaultLeds).Print(w, v);
                    w.EndArray();
                    return;
                }
            case KDGETMODE or KDGKBMODE or KDGKBMETA:
                {
                    if (!IoctlArgs.Read(ref c, arg, out uint v)) return;
                    w.BeginArray().Element();
                    if (cmd == KDGETMODE) DeviceIoctlConstants.DisplayModes.Print(w, v);
                    else if (cmd == KDGKBMETA) DeviceIoctlConstants.MetaModes.Print(w, v);
                    else DeviceIoctlConstants.KeyboardModes.PrintSigned(w, (int)v);
                    w.EndArray();
                    return;
                }
        }
    }

    /// <summary>A comment strace adds in abbrev and verbose style: the tone's frequency and length.</summary>
    private static void Comment(ArgWriter w, ulong hertz, uint ms, bool withLength = false)
    {
        if (w.Style == ConstStyle.Raw) return;
        int end = w.Length;
        if (hertz == 0) w.Raw(" /* off */"u8);
        else
        {
            w.Raw(" /* "u8).UInt(hertz).Raw(" Hz"u8);
            if (withLength) w.Raw(", "u8).UInt(ms).Raw(" ms"u8);
            w.Raw(" */"u8);
        }
        w.Annotated(end);
    }

    /// <summary>KDMKTONE: the length in timer ticks (ms) above the count, "ticks&lt;&lt;16|count".</summary>
    private static void Tone(ArgWriter w, uint arg)
    {
        uint ticks = arg >> 16, count = arg & 0xffff;
        int start = w.Length;
        if (ticks != 0) w.UInt(ticks).Raw("<<16|"u8);
        w.UInt(count);
        w.MarkNumber(start, arg);
        Comment(w, ticks != 0 && count != 0 ? PitTickRate / count : 0, ticks, withLength: true);
    }

    private static void Repeat(ArgWriter w, in KbdRepeat r) =>
        w.BeginStruct().Field("delay"u8).Int(r.Delay).Field("period"u8).Int(r.Period).EndStruct();

    /// <summary>KDGKBENT/KDSKBENT: the table and index, then (set, or get at exit) the key.</summary>
    private static IoctlArg KeymapEntry(ref DecodeContext c, ulong arg, bool get)
    {
        var w = c.Out;
        Span<byte> head = stackalloc byte[KbEntry.ValueOffset];
        if (arg == 0 || Printers.ReadStruct(ref c, arg, head) < head.Length) { w.Ptr(arg); return IoctlArg.Done; }
        w.BeginStruct().Field("kb_table"u8);
        if (DeviceIoctlConstants.KeyTables.TryName(head[0], out _)) DeviceIoctlConstants.KeyTables.Print(w, head[0]);
        else DeviceIoctlConstants.KeymapModifiers.Print(w, head[0]);
        w.Field("kb_index"u8).UInt(head[1]);
        if (get) return IoctlArg.Continues;
        KeymapValue(ref c, arg);
        return IoctlArg.Done;
    }

    /// <summary>", kb_value=0x100 /* K_F1 */}": the key in hex, with its name or K(type, value) in a comment.</summary>
    private static void KeymapValue(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        if (c.Exiting && c.Failed) { w.EndStruct(); return; }
        w.Field("kb_value"u8);
        if (!Printers.TryRead(ref c, arg + KbEntry.ValueOffset, out ushort key)) { w.Raw("???"u8).EndStruct(); return; }
        w.Hex(key);
        if (w.Style != ConstStyle.Raw)
        {
            int end = w.Length;
            w.Raw(" /* "u8);
            if (KeyboardKeys.Keys.TryName(key, out var name)) w.Raw(name);
            else
            {
                uint type = (uint)key >> 8;
                byte value = (byte)key;
                w.Raw("K("u8);
                if (KeyboardKeys.Types.TryName(type, out var typeName)) w.Raw(typeName); else w.Hex(type);
                w.Raw(", "u8);
                // Latin letters and meta keys hold a character; the other types an index.
                if (type is 0 or 8 or 11 or 13) Char(w, value); else w.Hex(value);
                w.Raw((byte)')');
            }
            w.Raw(" */"u8);
            w.Annotated(end);
        }
        w.EndStruct();
    }

    /// <summary>KDGKBSENT/KDSKBSENT: which function key, then (set, or get at exit) its string.</summary>
    private static IoctlArg FunctionString(ref DecodeContext c, ulong arg, bool get)
    {
        var w = c.Out;
        if (!IoctlArgs.Read(ref c, arg, out byte func)) return IoctlArg.Done;
        w.BeginStruct().Field("kb_func"u8);
        KeyboardKeys.FunctionSlots.Print(w, func);
        if (get) return IoctlArg.Continues;
        w.Field("kb_string"u8);
        FunctionKeyString(ref c, arg + 1);
        w.EndStruct();
        return IoctlArg.Done;
    }

    /// <summary>kb_string[512]: up to its NUL, cut at -s ("..." also when -s ends right at the NUL,
    /// as strace shows it); "???" when it cannot be read.</summary>
    private static void FunctionKeyString(ref DecodeContext c, ulong addr)
    {
        var w = c.Out;
        Span<byte> s = stackalloc byte[FunctionStringSize];
        int n = Printers.ReadCString(c.Memory, addr, s, out bool terminated);
        if (n < 0 || (!terminated && n < FunctionStringSize)) { w.Raw("???"u8); return; }
        int limit = c.Options.StringLimit;
        // The bytes strace prints: the string with its NUL, cut at -s; a NUL at their end is left out.
        int shown = Math.Min(limit, terminated ? n + 1 : FunctionStringSize);
        bool whole = terminated && shown == n + 1;
        w.Quoted(s[..(whole ? n : shown)], c.Options.HexStrings, !whole);
    }

    /// <summary>A character as C writes it: 'a', '\n', '\'', '\x7f'.</summary>
    private static void Char(ArgWriter w, byte ch)
    {
        int start = w.Length;
        w.Raw((byte)'\'');
        switch (ch)
        {
            case (byte)'\'' or (byte)'\\': w.Raw((byte)'\\').Raw(ch); break;
            case (byte)'\t': w.Raw("\\t"u8); break;
            case (byte)'\n': w.Raw("\\n"u8); break;
            case (byte)'\v': w.Raw("\\v"u8); break;
            case (byte)'\f': w.Raw("\\f"u8); break;
            case (byte)'\r': w.Raw("\\r"u8); break;
            default:
                if (ch is >= 0x20 and < 0x7f) w.Raw(ch);
                else w.Raw("\\x"u8).Raw(HexDigit(ch >> 4)).Raw(HexDigit(ch & 15));
                break;
        }
        w.Raw((byte)'\'');
        w.MarkNumber(start, ch);
    }

    private static byte HexDigit(int v) => (byte)(v < 10 ? '0' + v : 'a' + v - 10);

    /// <summary>struct kbdiacrs: the count and that many accents (at most MAX_DIACR, "..." after them).</summary>
    private static void Diacrs(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out uint count)) return;
        c.Out.BeginStruct().Field("kb_cnt"u8).UInt(count).Field("kbdiacr"u8);
        Printers.Array(ref c, arg + 4, Math.Min(count, MaxDiacr), static (ref DecodeContext c, in KbDiacr d) =>
        {
            var w = c.Out;
            w.BeginStruct().Field("diacr"u8);
            Char(w, d.Diacr);
            w.Field("base"u8);
            Char(w, d.Base);
            w.Field("result"u8);
            Char(w, d.Result);
            w.EndStruct();
        }, truncated: count > MaxDiacr);
        c.Out.EndStruct();
    }

    /// <summary>struct kbdiacrsuc: as <see cref="Diacrs"/>, the characters as Unicode code points in hex.</summary>
    private static void DiacrsUc(ref DecodeContext c, ulong arg)
    {
        if (!IoctlArgs.Read(ref c, arg, out uint count)) return;
        c.Out.BeginStruct().Field("kb_cnt"u8).UInt(count).Field("kbdiacruc"u8);
        Printers.Array(ref c, arg + 4, Math.Min(count, MaxDiacr), static (ref DecodeContext c, in KbDiacrUc d) =>
            c.Out.BeginStruct().Field("diacr"u8).Hex(d.Diacr).Field("base"u8).Hex(d.Base).Field("result"u8).Hex(d.Result).EndStruct(),
            truncated: count > MaxDiacr);
        c.Out.EndStruct();
    }

    /// <summary>GIO_UNISCRNMAP/PIO_UNISCRNMAP: 256 Unicode characters, those the font holds directly
    /// as UNI_DIRECT_BASE+N.</summary>
    private static void UniScreenMap(ref DecodeContext c, ulong arg) =>
        Printers.Array(ref c, arg, ScreenMapSize, static (ref DecodeContext c, in ushort v) =>
        {
            var w = c.Out;
            if ((v & ~UniDirectMask) != UniDirectBase) { w.Hex(v); return; }
            var mark = w.BeginConst();
            w.Raw("UNI_DIRECT_BASE+"u8).Hex((uint)(v & UniDirectMask));
            w.EndNamedConst(mark, v);
        });

    private static void Unipairs(ref DecodeContext c, ulong addr, ulong count)
    {
        c.Out.Field("entries"u8);
        Printers.Array(ref c, addr, count, static (ref DecodeContext c, in Unipair p) =>
            c.Out.BeginStruct().Field("unicode"u8).Hex(p.Unicode).Field("fontpos"u8).Hex(p.FontPos).EndStruct());
    }

    /// <summary>GIO_UNIMAP at exit, failed or not: " => " the count the kernel wrote, then the entries
    /// (as many as asked for), or their address after a failure other than ENOMEM (too few asked for).</summary>
    private static void UnimapExit(ref DecodeContext c, ulong arg)
    {
        var w = c.Out;
        if (!Printers.TryRead(ref c, arg, out UnimapDesc d)) { w.Ptr(arg).EndStruct(); return; }
        w.Raw(" => "u8).UInt(d.EntryCount).MarkNumber((int)c.Scratch.B, d.EntryCount);
        const long ENOMEM = 12;
        if (c.Failed && c.ReturnValue != -ENOMEM) w.Field("entries"u8).Ptr(d.Entries);
        else Unipairs(ref c, d.Entries, (ulong)c.Scratch.A);
        w.EndStruct();
    }

    /// <summary>struct consolefontdesc: the glyphs' address when the kernel is to fill them, else them in hex.</summary>
    private static void FontDesc(ref DecodeContext c, in ConsoleFontDesc f, bool get)
    {
        var w = c.Out;
        w.BeginStruct().Field("charcount"u8).UInt(f.CharCount).Field("charheight"u8).UInt(f.CharHeight).Field("chardata"u8);
        if (get) w.Ptr(f.CharData);
        else Printers.Buffer(ref c, f.CharData, Math.Min((int)f.CharCount, 512) * 32, forceHex: true);
        w.EndStruct();
    }

    /// <summary>struct console_font_op: the fields each operation uses; at exit without the operation
    /// and flags, the glyphs KD_FONT_OP_GET read.</summary>
    private static void FontOp(ref DecodeContext c, in ConsoleFontOp op, bool entering)
    {
        var w = c.Out;
        bool withCount = op.Op is not (FontOpSetDefault or FontOpCopy);
        w.BeginStruct();
        if (entering)
        {
            w.Field("op"u8);
            DeviceIoctlConstants.FontOps.Print(w, op.Op);
            if (withCount) { w.Field("flags"u8); DeviceIoctlConstants.FontFlags.Print(w, op.Flags); }
        }
        if (op.Op != FontOpCopy) w.Field("width"u8).UInt(op.Width);
        w.Field("height"u8).UInt(op.Height);
        if (withCount) w.Field("charcount"u8).UInt(op.CharCount);
        switch (op.Op)
        {
            case FontOpGet when entering: w.Field("data"u8).Ptr(op.Data); break;
            case FontOpGet or FontOpSet:
                w.Field("data"u8);
                Printers.Buffer(ref c, op.Data, (Math.Min(op.Width, 32) + 7) / 8 * 32 * Math.Min(op.CharCount, 512), forceHex: true);
                break;
            case FontOpSetDefault when entering: w.Field("data"u8); FontName(ref c, op.Data); break;
            case FontOpSetDefault or FontOpCopy: break;
            default: w.Field("data"u8).Ptr(op.Data); break;
        }
        w.EndStruct();
    }

    /// <summary>KD_FONT_OP_SET_DEFAULT's font name: a string of at most 32 bytes with its NUL, so at
    /// most 31 characters print ("..." when no NUL follows them).</summary>
    private static void FontName(ref DecodeContext c, ulong addr)
    {
        var w = c.Out;
        if (addr == 0) { w.Ptr(0); return; }
        Span<byte> s = stackalloc byte[FontNameMax];
        int n = Printers.ReadCString(c.Memory, addr, s, out bool terminated);
        if (Printers.Unreadable(ref c, n, FontNameMax, terminated)) { w.Hex(addr); return; }
        int shown = Math.Min(c.Options.StringLimit, FontNameMax - 1);
        w.Quoted(s[..Math.Min(n, shown)], c.Options.HexStrings, !terminated || n > shown);
    }
}

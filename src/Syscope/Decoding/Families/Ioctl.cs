using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>ioctl: the request by name (or as _IOC(dir, type, nr, size)), and the argument for the
/// requests everyday programs make on terminals and files.</summary>
internal sealed class Ioctl : SyscallDecoder
{
    private const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404;
    private const uint TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;
    private const uint FIONREAD = 0x541b, FIONBIO = 0x5421, FIOASYNC = 0x5452, TIOCOUTQ = 0x5411;
    private const uint FICLONE = 0x40049409, TIOCGPTN = 0x80045430, TIOCSPTLCK = 0x40045431, TIOCGSID = 0x5429;
    private const uint FIONCLEX = 0x5450, FIOCLEX = 0x5451, TIOCNOTTY = 0x5422, TIOCSCTTY = 0x540e;

    public override void Entry(ref DecodeContext c)
    {
        Args.Fd(ref c, 0);
        c.Out.Sep();
        uint cmd = (uint)c.Arg(1);
        var mark = c.Out.BeginConst();
        if (DescConstants.IoctlCommands.TryName(cmd, out var name)) c.Out.ConstName(name); else Ioc(c.Out, cmd);
        c.Out.EndConst(mark, cmd);
        switch (cmd)
        {
            case TCGETS or TIOCGWINSZ or TIOCGPGRP or FIONREAD or TIOCOUTQ or TIOCGPTN or TIOCGSID: c.Out.SepAhead(); return;
            case FIONCLEX or FIOCLEX or TIOCNOTTY: return;
            case TCSETS or TCSETSW or TCSETSF: c.Out.Sep(); Term(ref c); return;
            case TIOCSWINSZ: c.Out.Sep(); Winsz(ref c); return;
            case TIOCSPGRP or FIONBIO or FIOASYNC or TIOCSPTLCK: c.Out.Sep(); Args.IntRef(ref c, c.Arg(2)); return;
            case FICLONE or TIOCSCTTY: Args.Int(ref c, 2); return;
            default: Args.Hex(ref c, 2); return;
        }
    }

    public override void Exit(ref DecodeContext c)
    {
        uint cmd = (uint)c.Arg(1);
        if (cmd is FIONCLEX or FIOCLEX or TIOCNOTTY) return;
        if (cmd is not (TCGETS or TIOCGWINSZ or TIOCGPGRP or FIONREAD or TIOCOUTQ or TIOCGPTN or TIOCGSID)) return;
        c.Out.Sep();
        if (c.Failed) { c.Out.Ptr(c.Arg(2)); return; }
        if (cmd == TCGETS) Term(ref c);
        else if (cmd == TIOCGWINSZ) Winsz(ref c);
        else Args.IntRef(ref c, c.Arg(2));
    }

    private static void Term(ref DecodeContext c) => TermiosPrinter.Print(ref c, c.Arg(2));

    private static void Winsz(ref DecodeContext c)
    {
        if (!Printers.TryRead(ref c, c.Arg(2), out Winsize ws)) { c.Out.Ptr(c.Arg(2)); return; }
        c.Out.Raw("{ws_row="u8).UInt(ws.Row).Raw(", ws_col="u8).UInt(ws.Col)
            .Raw(", ws_xpixel="u8).UInt(ws.Xpixel).Raw(", ws_ypixel="u8).UInt(ws.Ypixel).Raw((byte)'}');
    }

    /// <summary>An unnamed request split into its _IOC fields (&lt;asm-generic/ioctl.h&gt;).</summary>
    private static void Ioc(ArgWriter w, uint cmd)
    {
        uint dir = cmd >> 30;
        w.Raw("_IOC("u8);
        w.Raw(dir switch { 0 => "_IOC_NONE"u8, 1 => "_IOC_WRITE"u8, 2 => "_IOC_READ"u8, _ => "_IOC_READ|_IOC_WRITE"u8 });
        w.Raw(", "u8).Hex((cmd >> 8) & 0xff).Raw(", "u8).Hex(cmd & 0xff).Raw(", "u8).Hex((cmd >> 16) & 0x3fff).Raw((byte)')');
    }
}

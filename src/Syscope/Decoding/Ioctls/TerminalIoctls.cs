using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Ioctls;

/// <summary>Terminal and file requests of type 'T' (&lt;asm-generic/ioctls.h&gt;): termios,
/// window size, process groups, byte counts.</summary>
internal sealed class TerminalIoctls : IoctlFamily
{
    private const uint TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404;
    private const uint TIOCGPGRP = 0x540f, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;
    private const uint FIONREAD = 0x541b, FIONBIO = 0x5421, FIOASYNC = 0x5452, TIOCOUTQ = 0x5411;
    private const uint TIOCGPTN = 0x80045430, TIOCSPTLCK = 0x40045431, TIOCGSID = 0x5429;
    private const uint FIONCLEX = 0x5450, FIOCLEX = 0x5451, TIOCNOTTY = 0x5422, TIOCSCTTY = 0x540e;
    private const uint TCGETS2 = 0x802c542a, TCSETS2 = 0x402c542b, TCSETSW2 = 0x402c542c, TCSETSF2 = 0x402c542d;
    private const uint TCGETA = 0x5405, TCSETA = 0x5406, TCSETAW = 0x5407, TCSETAF = 0x5408;
    private const uint TIOCGLCKTRMIOS = 0x5456, TIOCSLCKTRMIOS = 0x5457;
    private const uint TIOCMGET = 0x5415, TIOCMBIS = 0x5416, TIOCMBIC = 0x5417, TIOCMSET = 0x5418;

    public override ReadOnlySpan<byte> Types => [(byte)'T'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        switch (cmd)
        {
            case TCGETS or TIOCGWINSZ or TIOCGPGRP or FIONREAD or TIOCOUTQ or TIOCGPTN or TIOCGSID: return IoctlArg.AtExit;
            case TCGETS2 or TCGETA or TIOCGLCKTRMIOS or TIOCMGET: return IoctlArg.AtExit;
            case TCSETS2 or TCSETSW2 or TCSETSF2: c.Out.Sep(); TermiosPrinter.Print2(ref c, c.Arg(2)); return IoctlArg.Done;
            case TCSETA or TCSETAW or TCSETAF: c.Out.Sep(); TermiosPrinter.PrintTermio(ref c, c.Arg(2)); return IoctlArg.Done;
            case TIOCSLCKTRMIOS: c.Out.Sep(); TermiosPrinter.Print(ref c, c.Arg(2)); return IoctlArg.Done;
            case TIOCMBIS or TIOCMBIC or TIOCMSET: c.Out.Sep(); IoctlArgs.UIntRef(ref c, c.Arg(2), TermiosConstants.ModemLines); return IoctlArg.Done;
            case FIONCLEX or FIOCLEX or TIOCNOTTY: return IoctlArg.Done;
            case TCSETS or TCSETSW or TCSETSF: c.Out.Sep(); TermiosPrinter.Print(ref c, c.Arg(2)); return IoctlArg.Done;
            case TIOCSWINSZ: c.Out.Sep(); Winsize(ref c); return IoctlArg.Done;
            case TIOCSPGRP or FIONBIO or FIOASYNC or TIOCSPTLCK: c.Out.Sep(); Args.IntRef(ref c, c.Arg(2)); return IoctlArg.Done;
            case TIOCSCTTY: Args.Int(ref c, 2); return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        if (c.Failed) { c.Out.Ptr(c.Arg(2)); return; }
        if (cmd is TCGETS or TIOCGLCKTRMIOS) TermiosPrinter.Print(ref c, c.Arg(2));
        else if (cmd == TCGETS2) TermiosPrinter.Print2(ref c, c.Arg(2));
        else if (cmd == TCGETA) TermiosPrinter.PrintTermio(ref c, c.Arg(2));
        else if (cmd == TIOCMGET) IoctlArgs.UIntRef(ref c, c.Arg(2), TermiosConstants.ModemLines);
        else if (cmd == TIOCGWINSZ) Winsize(ref c);
        else Args.IntRef(ref c, c.Arg(2));
    }

    private static void Winsize(ref DecodeContext c)
    {
        if (!Printers.TryRead(ref c, c.Arg(2), out Winsize ws)) { c.Out.Ptr(c.Arg(2)); return; }
        c.Out.BeginStruct().Field("ws_row"u8).UInt(ws.Row).Field("ws_col"u8).UInt(ws.Col)
            .Field("ws_xpixel"u8).UInt(ws.Xpixel).Field("ws_ypixel"u8).UInt(ws.Ypixel).EndStruct();
    }
}

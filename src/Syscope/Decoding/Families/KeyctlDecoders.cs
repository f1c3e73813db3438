using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>keyctl: the command by name, then only the arguments that command reads.</summary>
internal static class KeyctlDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.keyctl] = new FuncDecoder(Entry, Exit, exitArgs: false);
        d[Sys.add_key] = new FuncDecoder((ref DecodeContext c) =>
        {
            Str(ref c, 0);
            Str(ref c, 1);
            c.Out.Sep();
            Printers.Buffer(ref c, c.Arg(2), (long)c.Arg(3));
            Args.ULong(ref c, 3);
            Key(ref c, 4);
        });
        d[Sys.request_key] = new FuncDecoder((ref DecodeContext c) =>
        {
            Str(ref c, 0);
            Str(ref c, 1);
            Str(ref c, 2);
            Key(ref c, 3);
        });
    }

    private static void Entry(ref DecodeContext c)
    {
        Args.Value(ref c, 0, KeyctlConstants.Commands);
        switch (c.Arg(0))
        {
            case 0: Key(ref c, 1); Args.Int(ref c, 2); break;                       // GET_KEYRING_ID
            case 1: Str(ref c, 1); break;                                     // JOIN_SESSION_KEYRING
            case 2: Key(ref c, 1); c.Out.Sep(); Printers.Buffer(ref c, c.Arg(2), (long)c.Arg(3)); Args.ULong(ref c, 3); break;
            case 3 or 7 or 21: Key(ref c, 1); break;                                // REVOKE, CLEAR, INVALIDATE
            case 4: Key(ref c, 1); Args.Int(ref c, 2); Args.Int(ref c, 3); break;  // CHOWN
            case 5: Key(ref c, 1); Args.Flags(ref c, 2, KeyctlConstants.Perms); break;
            case 6 or 11 or 17: Key(ref c, 1); break;                               // DESCRIBE, READ, GET_SECURITY: buffer at exit
            case 8 or 9: Key(ref c, 1); Key(ref c, 2); break;                       // LINK, UNLINK
            case 10: Key(ref c, 1); Str(ref c, 2); Str(ref c, 3); Key(ref c, 4); break;         // SEARCH
            case 12: Key(ref c, 1); c.Out.Sep(); Printers.Buffer(ref c, c.Arg(2), (long)c.Arg(3)); Args.ULong(ref c, 3); Key(ref c, 4); break;
            case 13: Key(ref c, 1); Args.UInt(ref c, 2); Key(ref c, 3); break;   // NEGATE
            case 14: c.Out.Sep(); KeyctlConstants.ReqkeyDefaults.PrintInt(c.Out, c.Arg(1)); break;
            case 18: break;                                                         // SESSION_TO_PARENT
            case 19: Key(ref c, 1); Args.UInt(ref c, 2); ErrnoName(c.Out.Sep(), c.IntArg(3)); Key(ref c, 4); break;  // REJECT
            case 20: Key(ref c, 1); c.Out.Sep(); IovecPrinter.Print(ref c, c.Arg(2), c.Arg(3), long.MaxValue); Args.ULong(ref c, 3); Key(ref c, 4); break;
            case 22: Args.Int(ref c, 1); Key(ref c, 2); break;                      // GET_PERSISTENT
            case 29: Key(ref c, 1); Str(ref c, 2); Str(ref c, 3); break;            // RESTRICT_KEYRING
            case 30: Key(ref c, 1); Key(ref c, 2); Key(ref c, 3); Args.Flags(ref c, 4, KeyctlConstants.MoveFlags); break;
            case 31: Args.Ptr(ref c, 1); Args.ULong(ref c, 2); break;               // CAPABILITIES
            case 15: Key(ref c, 1); Args.UInt(ref c, 2); break;                     // SET_TIMEOUT
            case 16: Key(ref c, 1); break;                                          // ASSUME_AUTHORITY
            default:
                for (int i = 1; i < 5; i++) Args.Hex(ref c, i);
                break;
        }
        if (c.Arg(0) is 6 or 11 or 17) c.Out.SepAhead();
    }

    private static void Exit(ref DecodeContext c)
    {
        if (c.Arg(0) is not (6 or 11 or 17)) return;
        c.Out.Sep();
        if (c.Arg(0) == 11) Printers.Buffer(ref c, c.Arg(2), c.Failed ? -1 : Math.Min(c.ReturnValue, (long)c.Arg(3)));
        else if (c.Failed || c.Arg(2) == 0) c.Out.Ptr(c.Arg(2));
        else Printers.String(ref c, c.Arg(2));
        Args.ULong(ref c, 3);
    }

    private static void ErrnoName(ArgWriter w, int errno)
    {
        var name = Syscope.Kernel.Errno.NameUtf8(errno);
        if (name.IsEmpty) { w.Int(errno); return; }
        var mark = w.BeginConst();
        w.Raw(name);
        w.EndConst(mark, (ulong)errno, NumberBase.Decimal);
    }

    private static void Str(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        Printers.String(ref c, c.Arg(i));
    }

    /// <summary>A key id: KEY_SPEC_* by name, any other as a plain number.</summary>
    private static void Key(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        KeyctlConstants.SpecialKeys.PrintDecimal(c.Out, c.Arg(i));
    }
}

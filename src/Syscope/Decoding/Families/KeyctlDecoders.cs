using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
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
            case 4: Key(ref c, 1); Args.Id(ref c, 2); Args.Id(ref c, 3); break;    // CHOWN: uid_t, gid_t
            case 5: Key(ref c, 1); Args.Flags(ref c, 2, KeyctlConstants.Perms); break;
            case 6 or 11 or 17: Key(ref c, 1); break;                               // DESCRIBE, READ, GET_SECURITY: buffer at exit
            case 8 or 9: Key(ref c, 1); Key(ref c, 2); break;                       // LINK, UNLINK
            case 10: Key(ref c, 1); Str(ref c, 2); Str(ref c, 3); Key(ref c, 4); break;         // SEARCH
            case 12: Key(ref c, 1); c.Out.Sep(); Printers.Buffer(ref c, c.Arg(2), (long)c.Arg(3)); Args.ULong(ref c, 3); Key(ref c, 4); break;
            case 13: Key(ref c, 1); Args.UInt(ref c, 2); Key(ref c, 3); break;   // NEGATE
            case 14: c.Out.Sep(); KeyctlConstants.ReqkeyDefaults.PrintSigned(c.Out, c.IntArg(1)); break;
            case 18: break;                                                         // SESSION_TO_PARENT
            case 19: Key(ref c, 1); Args.UInt(ref c, 2); ErrnoName(c.Out.Sep(), c.IntArg(3)); Key(ref c, 4); break;  // REJECT
            case 20: Key(ref c, 1); c.Out.Sep(); IovecPrinter.Print(ref c, c.Arg(2), c.Arg(3), long.MaxValue); Args.ULong(ref c, 3); Key(ref c, 4); break;
            case 22: Args.Id(ref c, 1); Key(ref c, 2); break;                       // GET_PERSISTENT: uid_t
            case 29: Key(ref c, 1); Str(ref c, 2); Str(ref c, 3); break;            // RESTRICT_KEYRING
            case 30: Key(ref c, 1); Key(ref c, 2); Key(ref c, 3); Args.Flags(ref c, 4, KeyctlConstants.MoveFlags); break;
            case 23: DhParams(ref c); break;                                        // DH_COMPUTE: the rest at exit
            case 24: Key(ref c, 1); Args.Hex(ref c, 2); Str(ref c, 3); Args.Ptr(ref c, 4); break;  // PKEY_QUERY
            case 25 or 26 or 27 or 28: PkeyEntry(ref c); break;                     // PKEY_ENCRYPT, DECRYPT, SIGN, VERIFY
            case 31: break;                                                         // CAPABILITIES: at exit
            case 15: Key(ref c, 1); Args.UInt(ref c, 2); break;                     // SET_TIMEOUT
            case 16: Key(ref c, 1); break;                                          // ASSUME_AUTHORITY
            default:
                for (int i = 1; i < 5; i++) Args.Hex(ref c, i);
                break;
        }
        if (AtExit(c.Arg(0))) c.Out.SepAhead();
    }

    /// <summary>Commands whose later arguments the kernel writes, printed at the return.</summary>
    private static bool AtExit(ulong command) => command is 6 or 11 or 17 or 23 or 25 or 26 or 27 or 31;

    /// <summary>DESCRIBE, READ and GET_SECURITY: what the kernel wrote, as many bytes as it says it
    /// had, at most the buffer's length (both unsigned: a huge length with nothing to read is "");
    /// the description and the label end with a NUL that is not shown.</summary>
    private static void Exit(ref DecodeContext c)
    {
        ulong command = c.Arg(0);
        if (!AtExit(command)) return;
        c.Out.Sep();
        switch (command)
        {
            case 6 or 11 or 17:
                Written(ref c, c.Arg(2), c.Arg(3), omitTrailingNul: command != 11);
                Args.ULong(ref c, 3);
                break;
            case 23:
                Written(ref c, c.Arg(2), c.Arg(3));
                Args.ULong(ref c, 3);
                c.Out.Sep();
                KdfParams(ref c, c.Arg(4));
                break;
            case 25 or 26 or 27:
                if (!c.Failed && c.Arg(1) != 0 && Printers.TryRead(ref c, c.Arg(1), out KeyctlPkeyParams p)) Written(ref c, c.Arg(4), p.OutLen);
                else c.Out.Ptr(c.Arg(4));
                break;
            case 31:
                Capabilities(ref c);
                Args.ULong(ref c, 2);
                break;
        }
    }

    /// <summary>What the kernel wrote into a buffer: as many bytes as it returned, at most the
    /// buffer's length (both unsigned); its address when the call failed.</summary>
    private static void Written(ref DecodeContext c, ulong addr, ulong length, bool omitTrailingNul = false)
    {
        if (c.Failed) c.Out.Ptr(addr);
        else Printers.Buffer(ref c, addr, (long)Math.Min((ulong)c.ReturnValue, length), omitTrailingNul: omitTrailingNul);
    }

    private static void DhParams(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(1);
        if (addr == 0 || !Printers.TryRead(ref c, addr, out KeyctlDhParams p)) { c.Out.Ptr(addr); return; }
        var w = c.Out.BeginStruct();
        w.Field("private"u8);
        KeyctlConstants.SpecialKeys.PrintDecimal(w, (uint)p.Private);
        w.Field("prime"u8);
        KeyctlConstants.SpecialKeys.PrintDecimal(w, (uint)p.Prime);
        w.Field("base"u8);
        KeyctlConstants.SpecialKeys.PrintDecimal(w, (uint)p.Base);
        w.EndStruct();
    }

    private static unsafe void KdfParams(ref DecodeContext c, ulong addr)
    {
        if (addr == 0 || !Printers.TryRead(ref c, addr, out KeyctlKdfParams k)) { c.Out.Ptr(addr); return; }
        var w = c.Out.BeginStruct();
        w.Field("hashname"u8);
        Printers.String(ref c, k.HashName);
        w.Field("otherinfo"u8);
        if (k.OtherInfoLen != 0) Printers.Buffer(ref c, k.OtherInfo, k.OtherInfoLen);
        else w.Ptr(k.OtherInfo);
        w.Field("otherinfolen"u8).UInt(k.OtherInfoLen);
        Spare(w, k.Spare, 8);
        w.EndStruct();
    }

    /// <summary>PKEY_ENCRYPT, DECRYPT, SIGN and VERIFY at entry: the parameters, the info string,
    /// the input (its length from the parameters: its address when they cannot be read) and, for
    /// VERIFY, the second input (the output of the others is printed at the return).</summary>
    private static unsafe void PkeyEntry(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong addr = c.Arg(1);
        KeyctlPkeyParams p = default;
        bool known = addr != 0 && Printers.TryRead(ref c, addr, out p);
        if (!known) c.Out.Ptr(addr);
        else
        {
            bool verify = c.Arg(0) == 28;
            var w = c.Out.BeginStruct();
            w.Field("key_id"u8);
            KeyctlConstants.SpecialKeys.PrintDecimal(w, (uint)p.KeyId);
            w.Field("in_len"u8).UInt(p.InLen);
            w.Field(verify ? "in2_len"u8 : "out_len"u8).UInt(p.OutLen);
            Spare(w, p.Spare, 7);
            w.EndStruct();
        }
        Str(ref c, 2);
        c.Out.Sep();
        if (known) Printers.Buffer(ref c, c.Arg(3), p.InLen);
        else c.Out.Ptr(c.Arg(3));
        if (c.Arg(0) != 28) return;
        c.Out.Sep();
        if (known) Printers.Buffer(ref c, c.Arg(4), p.OutLen);
        else c.Out.Ptr(c.Arg(4));
    }

    /// <summary>A reserved array, shown only when some element is set: 0 as 0, others in hex.</summary>
    private static unsafe void Spare(ArgWriter w, uint* spare, int count)
    {
        bool set = false;
        for (int i = 0; i < count; i++) set |= spare[i] != 0;
        if (!set) return;
        w.Field("__spare"u8).BeginArray();
        for (int i = 0; i < count; i++)
        {
            w.Element();
            if (spare[i] == 0) w.UInt(0);
            else w.Hex(spare[i]);
        }
        w.EndArray();
    }

    /// <summary>KEYCTL_CAPABILITIES: the bytes the kernel wrote (at most the buffer's length), the
    /// first two as their flags.</summary>
    private static void Capabilities(ref DecodeContext c)
    {
        ulong addr = c.Arg(1);
        int n = c.Failed ? 0 : (int)Math.Min((ulong)c.ReturnValue, Math.Min(c.Arg(2), 256));
        Span<byte> caps = stackalloc byte[256];
        if (c.Failed || addr == 0 || c.Memory.Read(addr, caps[..n]) < n) { c.Out.Ptr(addr); return; }
        var w = c.Out.BeginArray();
        for (int i = 0; i < n; i++)
        {
            w.Element();
            if (i == 0) KeyctlConstants.Caps0.Print(w, caps[i]);
            else if (i == 1) KeyctlConstants.Caps1.Print(w, caps[i]);
            else w.Hex(caps[i]);
        }
        w.EndArray();
    }

    private static void ErrnoName(ArgWriter w, int errno)
    {
        var name = Syscope.Kernel.Errno.NameUtf8(errno);
        // An unknown value prints as the unsigned it is (strace's PRINT_VAL_U).
        if (name.IsEmpty) { w.UInt((uint)errno); return; }
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

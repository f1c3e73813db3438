using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Calls that confine or compare processes and watch files: landlock, fanotify_init,
/// kcmp, and the handle and futex-vector calls that take structures of their own.</summary>
internal static class SandboxDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.landlock_create_ruleset] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Arg(1) >= 8 && Printers.TryRead(ref c, c.Arg(0), out ulong fs))
            {
                c.Out.BeginStruct().Field("handled_access_fs"u8);
                SandboxConstants.LandlockAccessFs.Print(c.Out, fs);
                // strace reads no further than the fields it knows and marks a larger size so.
                if (c.Arg(1) > 8) c.Out.Elided().Raw("..."u8);
                c.Out.EndStruct();
            }
            else c.Out.Ptr(c.Arg(0));
            Args.ULong(ref c, 1);
            Args.Flags(ref c, 2, SandboxConstants.LandlockCreateFlags);
        }, (ref DecodeContext c) =>
        {
            // LANDLOCK_CREATE_RULESET_VERSION asks for the ABI version, not a ruleset descriptor.
            if ((c.Arg(2) & SandboxConstants.LandlockCreateRulesetVersion) != 0) c.ReturnFormat = ReturnFormat.Decimal;
        }, exitArgs: false);
        d[Sys.landlock_add_rule] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Value(ref c, 1, SandboxConstants.LandlockRuleTypes);
            c.Out.Sep();
            if ((uint)c.Arg(1) == SandboxConstants.LandlockRulePathBeneath && Printers.TryRead(ref c, c.Arg(2), out LandlockPathBeneathAttr pb))
            {
                c.Out.BeginStruct().Field("allowed_access"u8);
                SandboxConstants.LandlockAccessFs.Print(c.Out, pb.AllowedAccess);
                Args.FdValue(ref c, pb.ParentFd, c.Out.Field("parent_fd"u8));
                c.Out.EndStruct();
            }
            else c.Out.Ptr(c.Arg(2));
            Args.Hex32(ref c, 3);
        });
        d[Sys.landlock_restrict_self] = new FuncDecoder((ref DecodeContext c) => { Args.Fd(ref c, 0); Args.Hex32(ref c, 1); });
        d[Sys.fanotify_init] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            ulong flags = (uint)c.Arg(0);
            var whole = c.Out.BeginFlagsOf();
            SandboxConstants.FanClasses.Print(c.Out, flags & SandboxConstants.FanClassMask);
            // An unknown rest alone keeps its "/* FAN_??? */" after the class, as in strace.
            SandboxConstants.FanInitFlags.PrintMore(c.Out, flags & ~SandboxConstants.FanClassMask, bare: false);
            c.Out.EndFlagsOf(whole, flags);
            c.Out.Sep();
            Args.OpenFlags(c.Out, c.Arg(1));
        });
        d[Sys.fanotify_mark] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Flags(ref c, 1, SandboxConstants.FanMarkFlags);
            c.Out.Sep();
            SandboxConstants.FanEvents.Print(c.Out, c.Arg(2));
            if (c.IntArg(3) == SandboxConstants.FanNoFd)
            {
                var mark = c.Out.Sep().BeginConst();
                c.Out.ConstName("FAN_NOFD"u8);
                c.Out.EndConst(mark, unchecked((ulong)SandboxConstants.FanNoFd), NumberBase.Decimal);
            }
            else Args.DirFd(ref c, 3);
            Args.Path(ref c, 4);
        });
        d[Sys.kcmp] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            Args.Pid(ref c, 1);
            Args.Value(ref c, 2, SandboxConstants.KcmpTypes);
            ulong type = (uint)c.Arg(2);
            if (type == SandboxConstants.KcmpFile) { FdOf(ref c, 0, 3); FdOf(ref c, 1, 4); }
            else if (type == SandboxConstants.KcmpEpollTfd)
            {
                FdOf(ref c, 0, 3);
                c.Out.Sep();
                if (c.Arg(4) == 0 || !Printers.TryRead(ref c, c.Arg(4), out KcmpEpollSlot slot)) { c.Out.Ptr(c.Arg(4)); return; }
                c.Out.Raw("{efd="u8).Int((int)slot.Efd).Raw(", tfd="u8).Int((int)slot.Tfd).Raw(", toff="u8).UInt(slot.Toff).Raw((byte)'}');
            }
            else if (!SandboxConstants.KcmpTypes.TryName(type, out _)) { Args.Hex(ref c, 3); Args.Hex(ref c, 4); }
        });
        d[Sys.memfd_secret] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            SandboxConstants.MemfdSecretFlags.Print(c.Out, (uint)c.Arg(0), after: false, bare: true);
        });
        d[Sys.open_by_handle_at] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.DirFd(ref c, 0);
            c.Out.Sep();
            FileHandle(ref c, c.Arg(1));
            c.Out.Sep();
            Args.OpenFlags(c.Out, c.Arg(2));
        });
        d[Sys.futex_waitv] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            Waiters(ref c, c.Arg(0), (uint)c.Arg(1));
            Args.UInt(ref c, 1);
            Args.Hex(ref c, 2);
            c.Out.Sep();
            TimePrinters.Timespec(ref c, c.Arg(3));
            Args.Value(ref c, 4, ClockConstants.Clocks);
        });
    }

    /// <summary>struct file_handle: its header, then handle_bytes of opaque handle in hex.</summary>
    private static void FileHandle(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out FileHandle h)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("handle_bytes"u8).UInt(h.Bytes).Field("handle_type"u8).Int(h.Type);
        Span<byte> bytes = stackalloc byte[128];
        if (h.Bytes <= 128 && Printers.ReadStruct(ref c, addr + 8, bytes[..(int)h.Bytes]) == (int)h.Bytes)
            c.Out.Field("f_handle"u8).Quoted(bytes[..(int)h.Bytes], 2, false);
        c.Out.EndStruct();
    }

    private static void Waiters(ref DecodeContext c, ulong addr, uint count)
    {
        if (count == 0) { c.Out.Ptr(addr); return; }
        Printers.Array(ref c, addr, count, static (ref DecodeContext c, in FutexWaitv w) =>
        {
            c.Out.BeginStruct().Field("val"u8).Hex(w.Val).Field("uaddr"u8).Ptr(w.Uaddr).Field("flags"u8);
            SandboxConstants.FutexWaitvFlags.Print(c.Out, w.Flags);
            c.Out.EndStruct();
        });
    }

    /// <summary>kcmp's descriptors belong to the processes named before them: -y resolves each in
    /// its own process's table, as strace does.</summary>
    private static void FdOf(ref DecodeContext c, int pidArg, int i)
    {
        int tracee = c.Pid, owner = c.IntArg(pidArg);
        if (owner <= 0) { Args.Int(ref c, i); return; }
        c.Pid = owner;
        Args.Fd(ref c, i);
        c.Pid = tracee;
    }
}

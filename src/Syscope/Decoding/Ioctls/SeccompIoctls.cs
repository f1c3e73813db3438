using Syscope.Decoding.Constants;
using Syscope.Kernel;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Ioctls;

/// <summary>&lt;linux/seccomp.h&gt; requests of type '!' on a seccomp listener descriptor: the
/// notification received (the traced call's number, arch, arguments), the response sent, an id's
/// validity, a descriptor added to the target.</summary>
internal sealed unsafe class SeccompIoctls : IoctlFamily
{
    private const uint NOTIF_RECV = 0xc0502100, NOTIF_SEND = 0xc0182101, NOTIF_ID_VALID = 0x40082102;
    private const uint NOTIF_ID_VALID_WRONG_DIR = 0x80082102, NOTIF_ADDFD = 0x40182103;

    /// <summary>Scratch.B: NOTIF_RECV's entry printed the caller's notification, so exit's follows " => ".</summary>
    private const long ShownAtEntry = 1;

    public override ReadOnlySpan<byte> Types => [(byte)'!'];

    public override IoctlArg Entry(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        switch (cmd)
        {
            case NOTIF_RECV:
                // A caller's zeroed buffer is output only; one with contents shows them, then " => ".
                if (arg == 0 || !Printers.TryRead(ref c, arg, out SeccompNotif n)) { c.Out.Sep().Ptr(arg); return IoctlArg.Done; }
                if (IsZero(n)) return IoctlArg.AtExit;
                c.Out.Sep();
                Notif(ref c, n);
                c.Scratch.B = ShownAtEntry;
                return IoctlArg.Continues;
            case NOTIF_SEND:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out SeccompNotifResp r)) Resp(c.Out, r);
                return IoctlArg.Done;
            case NOTIF_ID_VALID or NOTIF_ID_VALID_WRONG_DIR:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out ulong id)) c.Out.Raw((byte)'[').Hex(id).Raw((byte)']');
                return IoctlArg.Done;
            case NOTIF_ADDFD:
                c.Out.Sep();
                if (IoctlArgs.Read(ref c, arg, out SeccompNotifAddfd a)) Addfd(ref c, a);
                return IoctlArg.Done;
            default: return IoctlArg.Unknown;
        }
    }

    public override void Exit(ref DecodeContext c, uint cmd)
    {
        ulong arg = c.Arg(2);
        if (c.Scratch.B == ShownAtEntry) c.Out.Raw(" => "u8);
        if (c.Failed || !Printers.TryRead(ref c, arg, out SeccompNotif n)) { c.Out.Ptr(arg); return; }
        Notif(ref c, n);
    }

    private static bool IsZero(in SeccompNotif n)
    {
        fixed (SeccompNotif* p = &n) return new ReadOnlySpan<byte>(p, sizeof(SeccompNotif)).IndexOfAnyExcept((byte)0) < 0;
    }

    private static void Notif(ref DecodeContext c, in SeccompNotif n)
    {
        var w = c.Out;
        w.BeginStruct().Field("id"u8).Hex(n.Id).Field("pid"u8);
        c.PidNotes.Write(w, n.Pid);
        w.Field("flags"u8).Hex(n.Flags).Field("data"u8).BeginStruct().Field("nr"u8);
        SyscallNumberPrinter.Print(w, (uint)n.Nr, n.Arch);
        w.Field("arch"u8);
        IoctlConstants.AuditArches.Print(w, n.Arch);
        w.Field("instruction_pointer"u8).Ptr(n.InstructionPointer).Field("args"u8).BeginArray();
        for (int i = 0; i < 6; i++) w.Element().Hex(n.Args[i]);
        w.EndArray().EndStruct().EndStruct();
    }

    private static void Resp(ArgWriter w, in SeccompNotifResp r)
    {
        w.BeginStruct().Field("id"u8).Hex(r.Id).Field("val"u8).Int(r.Val).Field("error"u8);
        ErrnoValue.Print(w, r.Error);
        w.Field("flags"u8);
        IoctlConstants.SeccompNotifFlags.Print(w, r.Flags);
        w.EndStruct();
    }

    private static void Addfd(ref DecodeContext c, in SeccompNotifAddfd a)
    {
        var w = c.Out;
        w.BeginStruct().Field("id"u8).Hex(a.Id).Field("flags"u8);
        IoctlConstants.SeccompAddfdFlags.Print(w, a.Flags);
        w.Field("srcfd"u8);
        Args.FdValue(ref c, (int)a.Srcfd, w);
        w.Field("newfd"u8).Int((int)a.Newfd).Field("newfd_flags"u8);
        FileConstants.OpenFlags.Print(w, a.NewfdFlags);
        w.EndStruct();
    }
}

using Syscope.Decoding.Constants;
using Syscope.Events;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>fcntl: the third argument's meaning, and how the return prints, follow the command.</summary>
internal sealed class Fcntl : SyscallDecoder
{
    private const int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6;
    private const int F_SETLKW = 7, F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38, F_SETLEASE = 1024;
    private const int F_GETLEASE = 1025, F_DUPFD_CLOEXEC = 1030, F_ADD_SEALS = 1033, F_GET_SEALS = 1034;
    private const int F_SETOWN = 8, F_GETOWN = 9, F_SETSIG = 10, F_GETSIG = 11, F_SETOWN_EX = 15, F_GETOWN_EX = 16;
    private const int F_GETPIPE_SZ = 1032, F_NOTIFY = 1026;

    public override void Entry(ref DecodeContext c)
    {
        Args.Fd(ref c, 0);
        Args.Value(ref c, 1, DescConstants.FcntlCommands);
        switch (c.IntArg(1))
        {
            case F_GETFD or F_GETFL or F_GETOWN or F_GETSIG or F_GETLEASE or F_GETPIPE_SZ or F_GET_SEALS:
                break;
            case F_GETLK or F_OFD_GETLK or F_GETOWN_EX:
                c.Out.SepAhead();
                break;
            case F_SETFD: Args.Flags(ref c, 2, DescConstants.FdFlags); break;
            case F_SETFL: c.Out.Sep(); Args.OpenFlags(c.Out, c.Arg(2)); break;
            case F_SETLEASE: Args.Value(ref c, 2, DescConstants.LeaseTypes); break;
            case F_ADD_SEALS: Args.Flags(ref c, 2, DescConstants.Seals); break;
            case F_NOTIFY: c.Out.Sep(); DescConstants.DnotifyEvents.Print(c.Out, c.Arg(2)); break;
            case F_SETSIG: SignalPrinters.Signal(c.Out.Sep(), c.IntArg(2)); break;
            case F_SETOWN_EX: c.Out.Sep(); Owner(ref c); break;
            case F_SETLK or F_SETLKW or F_OFD_SETLK or F_OFD_SETLKW: c.Out.Sep(); Lock(ref c, false); break;
            case F_SETOWN: Args.ProcessOrGroup(ref c, 2); break;
            default: Args.Int(ref c, 2); break;
        }
    }

    public override void Exit(ref DecodeContext c)
    {
        int cmd = c.IntArg(1);
        if (cmd is F_GETLK or F_OFD_GETLK) { c.Out.Sep(); if (c.Failed) c.Out.Ptr(c.Arg(2)); else Lock(ref c, true); }
        if (cmd is F_GETOWN_EX) { c.Out.Sep(); if (c.Failed) c.Out.Ptr(c.Arg(2)); else Owner(ref c); }
        if (c.Failed) return;
        switch (cmd)
        {
            case F_DUPFD or F_DUPFD_CLOEXEC: c.ReturnFormat = ReturnFormat.Fd; break;
            case F_GETFD when c.ReturnValue != 0:
                c.ReturnFormat = ReturnFormat.Hex;
                DescConstants.FdFlags.Print(c.Aux.Raw("flags "u8), (ulong)c.ReturnValue);
                break;
            case F_GETFL:
                c.ReturnFormat = ReturnFormat.Hex;
                // strace words the status flags by name in every -X style (not the fd flags).
                c.Aux.Style = ConstStyle.Abbrev;
                Args.OpenFlags(c.Aux.Raw("flags "u8), (ulong)c.ReturnValue);
                break;
            case F_GET_SEALS:
                c.ReturnFormat = ReturnFormat.Hex;
                DescConstants.Seals.Print(c.Aux.Raw("seals "u8), (ulong)c.ReturnValue);
                break;
            case F_GETLEASE:
                c.ReturnFormat = ReturnFormat.Hex;
                DescConstants.LeaseTypes.Print(c.Aux, (ulong)c.ReturnValue);
                break;
            case F_GETOWN when c.ReturnValue > 0: c.ReturnFormat = ReturnFormat.Pid; break;
            case F_GETSIG when c.ReturnValue != 0:
                SignalPrinters.Signal(c.Aux, c.ReturnValue, styled: false);
                break;
        }
    }

    private static void Owner(ref DecodeContext c)
    {
        if (!Printers.TryRead(ref c, c.Arg(2), out FOwnerEx o)) { c.Out.Ptr(c.Arg(2)); return; }
        var w = c.Out;
        w.BeginStruct().Field("type"u8);
        DescConstants.OwnerTypes.Print(w, (uint)o.Type);
        w.Field("pid"u8);
        // A group's id names a process group (-Y, pid namespaces), any other a thread or process.
        c.PidNotes.Write(w, o.Pid, o.Type == OwnerPgrp ? PidKind.Group : PidKind.Process);
        w.EndStruct();
    }

    private const int OwnerPgrp = 2;

    private static void Lock(ref DecodeContext c, bool withPid)
    {
        if (!Printers.TryRead(ref c, c.Arg(2), out Flock l)) { c.Out.Ptr(c.Arg(2)); return; }
        var w = c.Out;
        w.BeginStruct().Field("l_type"u8); DescConstants.LockTypes.Print(w, (ulong)l.Type);
        w.Field("l_whence"u8); FileConstants.Whence.Print(w, (ulong)l.Whence);
        w.Field("l_start"u8).Int(l.Start).Field("l_len"u8).Int(l.Len);
        if (withPid)
        {
            w.Field("l_pid"u8);
            c.PidNotes.Write(w, l.Pid);
        }
        w.EndStruct();
    }
}

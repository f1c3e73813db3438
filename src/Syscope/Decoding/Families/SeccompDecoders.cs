using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;
using static Syscope.Decoding.Constants.SeccompConstants;

namespace Syscope.Decoding.Families;

/// <summary>seccomp(2): the operation, then its flags (named for SECCOMP_SET_MODE_FILTER, hex
/// otherwise) and its argument as the operation reads it: a filter program, an action whose
/// availability is asked ("[SECCOMP_RET_LOG]"), or the sizes the kernel writes (printed at exit).
/// The operation and flags are unsigned ints: the registers' upper halves are not the caller's.</summary>
internal static class SeccompDecoders
{
    public static void Register(DecoderTable d) => d[Sys.seccomp] = new FuncDecoder(Entry, Exit, exitArgs: false);

    private static void Entry(ref DecodeContext c)
    {
        uint op = (uint)c.Arg(0), flags = (uint)c.Arg(1);
        c.Out.Sep();
        Operations.Print(c.Out, op);
        c.Out.Sep();
        if (op == SetModeFilter) FilterFlags.Print(c.Out, flags); else c.Out.Hex(flags);
        switch (op)
        {
            case SetModeFilter:
                c.Out.Sep();
                ClassicBpfPrinter.Program(ref c, c.Arg(2), seccomp: true);
                return;
            case GetActionAvail:
                c.Out.Sep();
                if (!Printers.TryRead(ref c, c.Arg(2), out uint action)) { c.Out.Ptr(c.Arg(2)); return; }
                c.Out.BeginArray().Element();
                Actions.Print(c.Out, action);
                c.Out.EndArray();
                return;
            case GetNotifSizes:
                c.Out.SepAhead();
                return;
            default:
                Args.Ptr(ref c, 2);
                return;
        }
    }

    private static void Exit(ref DecodeContext c)
    {
        if ((uint)c.Arg(0) != GetNotifSizes) return;
        c.Out.Sep();
        if (c.Failed || !Printers.TryRead(ref c, c.Arg(2), out SeccompNotifSizes sizes)) { c.Out.Ptr(c.Arg(2)); return; }
        c.Out.BeginStruct().Field("seccomp_notif"u8).UInt(sizes.Notif).Field("seccomp_notif_resp"u8).UInt(sizes.NotifResp)
            .Field("seccomp_data"u8).UInt(sizes.Data).EndStruct();
    }
}

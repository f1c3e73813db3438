using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>POSIX message queues (mq_open...mq_getsetattr).</summary>
internal static class MqueueDecoders
{
    private const ulong O_CREAT = 0x40;

    public static void Register(DecoderTable d)
    {
        d[Sys.mq_open] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Path(ref c, 0);
            c.Out.Sep();
            Args.OpenFlags(c.Out, c.Arg(1));
            // Mode and attributes are read only when the queue may be created.
            if ((c.Arg(1) & O_CREAT) == 0) return;
            Args.Mode(ref c, 2);
            c.Out.Sep();
            Attr(ref c, c.Arg(3), namedFlags: false);
        });
        d[Sys.mq_timedsend] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            Printers.Buffer(ref c, c.Arg(1), (long)c.Arg(2));
            Args.ULong(ref c, 2);
            Args.UInt(ref c, 3);
            c.Out.Sep();
            TimePrinters.Timespec(ref c, c.Arg(4));
        });
        d[Sys.mq_timedreceive] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            TimePrinters.SaveTimespec(ref c, c.Arg(4));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            Printers.Buffer(ref c, c.Arg(1), c.Failed ? -1 : c.ReturnValue);
            Args.ULong(ref c, 2);
            c.Out.Sep();
            if (c.Failed || !Printers.TryRead(ref c, c.Arg(3), out uint prio)) c.Out.Ptr(c.Arg(3));
            else c.Out.BeginArray().Element().UInt(prio).EndArray();
            c.Out.Sep();
            TimePrinters.SavedTimespec(ref c, c.Arg(4));
        });
        d[Sys.mq_notify] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            ClockDecoders.Sigevent(ref c, c.Arg(1));
        });
        d[Sys.mq_getsetattr] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            Attr(ref c, c.Arg(1));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(2)); else Attr(ref c, c.Arg(2));
        });
    }

    /// <param name="namedFlags">mq_getsetattr's flags are O_NONBLOCK or not; mq_open's, which the
    /// kernel ignores, print as hex, as strace prints them.</param>
    private static void Attr(ref DecodeContext c, ulong addr, bool namedFlags = true)
    {
        if (!Printers.TryRead(ref c, addr, out MqAttr a)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("mq_flags"u8);
        if (namedFlags) FileConstants.MqAttrFlags.Print(c.Out, (ulong)a.Flags); else c.Out.Hex((ulong)a.Flags);
        c.Out.Field("mq_maxmsg"u8).Int(a.MaxMsg).Field("mq_msgsize"u8).Int(a.MsgSize)
            .Field("mq_curmsgs"u8).Int(a.CurMsgs).EndStruct();
    }
}

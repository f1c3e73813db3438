using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Native AIO (io_setup...io_pgetevents).  The context is an address in the caller's
/// memory, so it prints as a pointer.</summary>
internal static class AioDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.io_setup] = new FuncDecoder((ref DecodeContext c) => Args.UInt(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed || !Printers.TryRead(ref c, c.Arg(1), out ulong ctx)) c.Out.Ptr(c.Arg(1));
            else c.Out.BeginArray().Element().Ptr(ctx).EndArray();
        });
        d[Sys.io_destroy] = new FuncDecoder((ref DecodeContext c) => Args.Ptr(ref c, 0));
        d[Sys.io_submit] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Ptr(ref c, 0);
            Args.Long(ref c, 1);
            c.Out.Sep();
            Submitted(ref c, c.Arg(2), (long)c.Arg(1));
        });
        d[Sys.io_cancel] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Ptr(ref c, 0);
            c.Out.Sep();
            if (Printers.TryRead(ref c, c.Arg(1), out Iocb cb)) IocbHeader(ref c, in cb).EndStruct();
            else c.Out.Ptr(c.Arg(1));
        }, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            Events(ref c, c.Arg(2), c.Failed ? -1 : 1);
        });
        d[Sys.io_getevents] = new FuncDecoder(GeteventsEntry, (ref DecodeContext c) =>
        {
            GeteventsExit(ref c);
        });
        d[Sys.io_pgetevents] = new FuncDecoder(GeteventsEntry, (ref DecodeContext c) =>
        {
            GeteventsExit(ref c);
            c.Out.Sep();
            AioSigset(ref c, c.Arg(5));
        });
    }

    /// <summary>io_pgetevents' struct __aio_sigset: the mask to run with, and its size.</summary>
    private static void AioSigset(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out SigsetArgument s)) { c.Out.Ptr(addr); return; }
        c.Out.BeginStruct().Field("sigmask"u8);
        SignalPrinters.Set(ref c, s.Mask, s.Size);
        c.Out.Field("sigsetsize"u8).UInt(s.Size).EndStruct();
    }

    private static void GeteventsEntry(ref DecodeContext c)
    {
        Args.Ptr(ref c, 0);
        Args.Long(ref c, 1);
        Args.Long(ref c, 2);
        TimePrinters.SaveTimespec(ref c, c.Arg(4));
    }

    /// <summary>The events the kernel filled, then the timeout as it was given.</summary>
    private static void GeteventsExit(ref DecodeContext c)
    {
        c.Out.Sep();
        Events(ref c, c.Arg(3), c.Failed ? -1 : c.ReturnValue);
        c.Out.Sep();
        TimePrinters.SavedTimespec(ref c, c.Arg(4));
    }

    private static void Events(ref DecodeContext c, ulong addr, long count)
    {
        if (addr == 0 || count < 0) { c.Out.Ptr(addr); return; }
        if (count > 0 && c.AddressesOnly) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (long i = 0; i < count; i++)
        {
            if (i >= Printers.MaxElements(ref c)) { c.Out.Elided().Raw("..."u8); break; }
            c.Out.Element();
            if (!Printers.TryRead(ref c, addr + (ulong)i * 32, out IoEvent e)) { c.Out.Hex(addr + (ulong)i * 32); break; }
            c.Out.BeginStruct().Field("data"u8).Hex(e.Data);
            c.Out.Field("obj"u8).Ptr(e.Obj);
            c.Out.Field("res"u8).Int(e.Res);
            c.Out.Field("res2"u8).Int(e.Res2).EndStruct();
        }
        c.Out.EndArray();
    }

    /// <summary>The array of iocb pointers io_submit was given, each control block spelled out.</summary>
    private static void Submitted(ref DecodeContext c, ulong addr, long count)
    {
        if (count <= 0) { c.Out.Ptr(addr); return; }
        Printers.Array(ref c, addr, (ulong)count, static (ref DecodeContext c, in ulong p) =>
        {
            if (!Printers.TryRead(ref c, p, out Iocb cb)) { c.Out.Ptr(p); return; }
            IocbHeader(ref c, in cb);
            IocbData(ref c, in cb);
            c.Out.EndStruct();
        });
    }

    private static ArgWriter IocbHeader(ref DecodeContext c, in Iocb cb)
    {
        var w = c.Out;
        w.BeginStruct();
        if (cb.Data != 0) w.Field("aio_data"u8).Hex(cb.Data);
        if (cb.Key != 0) w.Field("aio_key"u8).UInt(cb.Key);
        w.Field("aio_lio_opcode"u8);
        AioConstants.Opcodes.PrintDecimal(w, cb.Opcode);
        if (cb.Prio != 0) w.Field("aio_reqprio"u8).Int(cb.Prio);
        int fd = w.Field("aio_fildes"u8).Length;
        w.Int((int)cb.Fildes);
        Args.FdPath(ref c, (int)cb.Fildes, w);
        w.MarkFd(fd, (int)cb.Fildes);
        return w;
    }

    private static void IocbData(ref DecodeContext c, in Iocb cb)
    {
        switch (cb.Opcode)
        {
            case AioConstants.Pwrite:
                c.Out.Field("aio_buf"u8);
                Printers.Buffer(ref c, cb.Buf, (long)cb.Nbytes);
                break;
            case AioConstants.Pread:
                c.Out.Field("aio_buf"u8).Ptr(cb.Buf);
                break;
            case AioConstants.Pwritev:
                c.Out.Field("aio_buf"u8);
                IovecPrinter.Print(ref c, cb.Buf, cb.Nbytes, long.MaxValue);
                break;
            case AioConstants.Preadv:
                c.Out.Field("aio_buf"u8);
                IovecPrinter.Print(ref c, cb.Buf, cb.Nbytes, -1);
                break;
            default:
                return;
        }
        c.Out.Field("aio_nbytes"u8).UInt(cb.Nbytes);
        c.Out.Field("aio_offset"u8).Int(cb.Offset);
        if (cb.Flags != 0) c.Out.Field("aio_flags"u8).Hex(cb.Flags).Field("aio_resfd"u8).Int((int)cb.ResFd);
    }
}

using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Calls on file descriptors: read, write, close, dup, pipe, fcntl, lseek, getdents.</summary>
internal static class DescDecoders
{
    /// <summary>memfd_create's longest name: NAME_MAX less the "memfd:" the kernel puts before it.</summary>
    private const int MemfdNameMax = 255 - 6;

    public static void Register(DecoderTable d)
    {
        d[Sys.read] = new FuncDecoder(FdArg, ReadExit);
        d[Sys.pread64] = new FuncDecoder(FdArg, (ref DecodeContext c) => { ReadExit(ref c); Args.Long(ref c, 3); });
        d[Sys.write] = new FuncDecoder(WriteEntry);
        d[Sys.pwrite64] = new FuncDecoder((ref DecodeContext c) => { WriteEntry(ref c); Args.Long(ref c, 3); });
        d[Sys.readv] = new FuncDecoder(FdArg, (ref DecodeContext c) => { IovecArg(ref c, c.ReturnValue); Args.ULong(ref c, 2); });
        d[Sys.writev] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); IovecArg(ref c, long.MaxValue); Args.ULong(ref c, 2); });
        d[Sys.preadv] = new FuncDecoder(FdArg, (ref DecodeContext c) => { IovecArg(ref c, c.ReturnValue); Args.ULong(ref c, 2); Args.Long(ref c, 3); });
        d[Sys.pwritev] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); IovecArg(ref c, long.MaxValue); Args.ULong(ref c, 2); Args.Long(ref c, 3); });
        // preadv2/pwritev2 take the offset in two registers (pos_l, pos_h); on 64-bit pos_l holds it all.
        d[Sys.preadv2] = new FuncDecoder(FdArg, (ref DecodeContext c) =>
        {
            IovecArg(ref c, c.ReturnValue);
            Args.ULong(ref c, 2);
            Args.Long(ref c, 3);
            Args.Flags(ref c, 5, DescConstants.RwFlags);
        });
        d[Sys.pwritev2] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            IovecArg(ref c, long.MaxValue);
            Args.ULong(ref c, 2);
            Args.Long(ref c, 3);
            Args.Flags(ref c, 5, DescConstants.RwFlags);
        });
        d[Sys.close] = new FuncDecoder(FdArg);
        d[Sys.fsync] = d[Sys.close];
        d[Sys.fdatasync] = d[Sys.close];
        d[Sys.fchdir] = d[Sys.close];
        d[Sys.syncfs] = d[Sys.close];
        d[Sys.close_range] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.UInt(ref c, 0);
            Args.UInt(ref c, 1);
            Args.Flags(ref c, 2, FileConstants.CloseRangeFlags);
        });
        d[Sys.dup] = new FuncDecoder(FdArg);
        d[Sys.dup2] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); Args.Fd(ref c, 1); });
        d[Sys.dup3] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); Args.Fd(ref c, 1); Args.Flags(ref c, 2, FileConstants.OpenFlags); });
        d[Sys.pipe] = new FuncDecoder(Nothing, (ref DecodeContext c) => FdPair(ref c, 0));
        d[Sys.pipe2] = new FuncDecoder(Nothing, (ref DecodeContext c) => { FdPair(ref c, 0); Args.Flags(ref c, 1, FileConstants.OpenFlags); });
        d[Sys.lseek] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); Args.Long(ref c, 1); Args.Value(ref c, 2, FileConstants.Whence); });
        d[Sys.fadvise64] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            Args.Long(ref c, 1);
            Args.ULong(ref c, 2);
            c.Out.Sep();
            FileConstants.Fadvise.Print(c.Out, (uint)c.Arg(3));
        });
        d[Sys.ftruncate] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); Args.Long(ref c, 1); });
        d[Sys.truncate] = new FuncDecoder((ref DecodeContext c) => { Args.Path(ref c, 0); Args.Long(ref c, 1); });
        d[Sys.flock] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); Args.Flags(ref c, 1, FileConstants.FlockOps); });
        d[Sys.fallocate] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            Args.Flags(ref c, 1, FileConstants.FallocateModes);
            Args.Long(ref c, 2);
            Args.Long(ref c, 3);
        });
        d[Sys.getdents64] = new FuncDecoder(FdArg, Getdents.Exit);
        d[Sys.getdents] = d[Sys.getdents64];
        d[Sys.fcntl] = new Fcntl();
        d[Sys.ioctl] = new Ioctl();
        d[Sys.sendfile] = new FuncDecoder(SendfileEntry, SendfileExit, exitArgs: false);
        d[Sys.splice] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdsOffsetsLength(ref c);
            Args.Flags(ref c, 5, DescConstants.SpliceFlags);
        });
        d[Sys.copy_file_range] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdsOffsetsLength(ref c);
            Args.UInt(ref c, 5);
        });
        d[Sys.getcpu] = new FuncDecoder(Nothing, (ref DecodeContext c) =>
        {
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(0)); else Args.IntRef(ref c, c.Arg(0));
            c.Out.Sep();
            if (c.Failed) c.Out.Ptr(c.Arg(1)); else Args.IntRef(ref c, c.Arg(1));
            Args.Ptr(ref c, 2);
        });
        d[Sys.vmsplice] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            c.Out.Sep();
            IovecPrinter.Print(ref c, c.Arg(1), c.Arg(2), long.MaxValue);
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, DescConstants.SpliceFlags);
        });
        d[Sys.sync_file_range] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            Args.Long(ref c, 1);
            Args.Long(ref c, 2);
            Args.Flags(ref c, 3, DescConstants.SyncFileRangeFlags);
        });
        d[Sys.userfaultfd] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, DescConstants.UserfaultfdFlags));
        // flags is an unsigned int, printed in hex: the register's upper half is not part of it.
        d[Sys.process_mrelease] = new FuncDecoder((ref DecodeContext c) => { FdArg(ref c); c.Out.Sep().Hex((uint)c.Arg(1)); });
        d[Sys.tee] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            Args.Fd(ref c, 1);
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, DescConstants.SpliceFlags);
        });
        d[Sys.eventfd2] = new FuncDecoder((ref DecodeContext c) => { Args.UInt(ref c, 0); Args.Flags(ref c, 1, DescConstants.EventfdFlags); });
        d[Sys.eventfd] = new FuncDecoder((ref DecodeContext c) => Args.UInt(ref c, 0));
        d[Sys.inotify_init1] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, DescConstants.InotifyInitFlags));
        d[Sys.inotify_add_watch] = new FuncDecoder((ref DecodeContext c) =>
        {
            FdArg(ref c);
            Args.Path(ref c, 1);
            Args.Flags(ref c, 2, DescConstants.InotifyMask);
        });
        d[Sys.timerfd_create] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, ClockConstants.Clocks);
            Args.Flags(ref c, 1, DescConstants.TimerfdFlags);
        });
        d[Sys.memfd_create] = new FuncDecoder((ref DecodeContext c) =>
        {
            c.Out.Sep();
            // The kernel takes NAME_MAX less "memfd:" bytes of name, and its NUL.
            Printers.String(ref c, c.Arg(0), MemfdNameMax + 1);
            c.Out.Sep();
            ulong flags = (uint)c.Arg(1);
            ulong huge = flags >> 26;
            var mark = c.Out.BeginConst();
            // A page size alone prints as itself (30<<MFD_HUGE_SHIFT), not after a 0 for no flags.
            ulong low = flags & 0x3ffffff;
            if (low != 0 || huge == 0) DescConstants.MemfdFlags.Print(c.Out, low, false);
            if (huge != 0) (low != 0 ? c.Out.Raw((byte)'|') : c.Out).UInt(huge).Raw("<<MFD_HUGE_SHIFT"u8);
            c.Out.EndConst(mark, flags);
        });
    }

    private static void Nothing(ref DecodeContext c) { }

    internal static void FdArg(ref DecodeContext c) => Args.Fd(ref c, 0);

    private static void ReadExit(ref DecodeContext c)
    {
        c.Out.Sep();
        if (c.Failed) c.Out.Ptr(c.Arg(1));
        else Printers.Buffer(ref c, c.Arg(1), c.ReturnValue);
        c.Out.Sep().UInt(c.Arg(2));
    }

    private static void WriteEntry(ref DecodeContext c)
    {
        FdArg(ref c);
        c.Out.Sep();
        Printers.Buffer(ref c, c.Arg(1), (long)c.Arg(2));
        c.Out.Sep().UInt(c.Arg(2));
    }

    private static void IovecArg(ref DecodeContext c, long dataLimit)
    {
        c.Out.Sep();
        IovecPrinter.Print(ref c, c.Arg(1), c.Arg(2), dataLimit);
    }

    /// <summary>pipe/socketpair results: [3, 4].</summary>
    internal static void FdPair(ref DecodeContext c, int i)
    {
        c.Out.Sep();
        ulong addr = c.Arg(i);
        if (c.Failed || !Printers.TryRead(ref c, addr, out long pair)) { c.Out.Ptr(addr); return; }
        Args.FdValue(ref c, (int)pair, c.Out.BeginArray().Element());
        Args.FdValue(ref c, (int)(pair >> 32), c.Out.Element());
        c.Out.EndArray();
    }

    /// <summary>splice and copy_file_range: a descriptor and its offset pointer, twice, then the length.</summary>
    private static void FdsOffsetsLength(ref DecodeContext c)
    {
        FdArg(ref c);
        c.Out.Sep();
        Args.LongRef(ref c, c.Arg(1));
        Args.Fd(ref c, 2);
        c.Out.Sep();
        Args.LongRef(ref c, c.Arg(3));
        Args.ULong(ref c, 4);
    }

    /// <summary>sendfile's offset as strace 6.1 shows it: the value at entry, and where the kernel
    /// moved it (" => [N]") when the call succeeded and moved it; unsigned, as strace prints it.</summary>
    private static void SendfileEntry(ref DecodeContext c)
    {
        FdArg(ref c);
        Args.Fd(ref c, 1);
        c.Out.Sep();
        ulong addr = c.Arg(2);
        c.Scratch.A = 0;
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (!Printers.TryRead(ref c, addr, out ulong before)) { c.Out.Hex(addr); return; }
        c.Out.BeginArray().Element().UInt(before).EndArray();
        c.Scratch.A = 1;
        c.Scratch.B = (long)before;
    }

    private static void SendfileExit(ref DecodeContext c)
    {
        if (c.Scratch.A == 1 && !c.Failed && Printers.TryRead(ref c, c.Arg(2), out ulong after) && after != (ulong)c.Scratch.B)
            c.Out.Raw(" => "u8).BeginArray().Element().UInt(after).EndArray();
        Args.ULong(ref c, 3);
    }
}

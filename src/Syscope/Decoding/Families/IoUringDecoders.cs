using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>io_uring_setup (struct io_uring_params: inputs at entry, what the kernel filled in at
/// exit), io_uring_enter and io_uring_register.</summary>
internal static class IoUringDecoders
{
    private const int ParamsSize = 120, IORING_SETUP_ATTACH_WQ = 0x20;
    private const int REGISTER_FILES = 2, REGISTER_EVENTFD = 4, REGISTER_EVENTFD_ASYNC = 7;

    public static void Register(DecoderTable d)
    {
        d[Sys.io_uring_setup] = new FuncDecoder(SetupEntry, SetupExit, exitArgs: false);
        d[Sys.io_uring_enter] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.UInt(ref c, 1);
            Args.UInt(ref c, 2);
            Args.Flags(ref c, 3, IoUringConstants.EnterFlags);
            c.Out.Sep();
            SignalPrinters.Set(ref c, c.Arg(4), c.Arg(5));
            Args.ULong(ref c, 5);
        });
        d[Sys.io_uring_register] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            Args.Value(ref c, 1, IoUringConstants.RegisterOps);
            c.Out.Sep();
            if (c.IntArg(1) is REGISTER_FILES or REGISTER_EVENTFD or REGISTER_EVENTFD_ASYNC) FdArray(ref c, c.Arg(2), (uint)c.Arg(3));
            else c.Out.Ptr(c.Arg(2));
            Args.UInt(ref c, 3);
        });
    }

    /// <summary>strace prints the caller's half of the params at entry, so it survives an
    /// interruption; Scratch.A says whether the struct is still open for the exit half.</summary>
    private static void SetupEntry(ref DecodeContext c)
    {
        Args.UInt(ref c, 0);
        c.Out.Sep();
        c.Scratch.A = 0;
        Span<byte> p = stackalloc byte[ParamsSize];
        ulong addr = c.Arg(1);
        if (addr == 0) { c.Out.Ptr(0); return; }
        if (c.AddressesOnly || c.Memory.Read(addr, p) < ParamsSize) { c.Out.Hex(addr); return; }
        var w = c.Out;
        uint flags = U32(p, 8);
        w.BeginStruct().Field("flags"u8);
        IoUringConstants.SetupFlags.Print(w, flags);
        w.Field("sq_thread_cpu"u8).UInt(U32(p, 12)).Field("sq_thread_idle"u8).UInt(U32(p, 16));
        if ((flags & IORING_SETUP_ATTACH_WQ) != 0) w.Field("wq_fd"u8).Int((int)U32(p, 24));
        c.Scratch.A = 1;
    }

    private static void SetupExit(ref DecodeContext c)
    {
        if (c.Scratch.A == 0) return;
        var w = c.Out;
        Span<byte> p = stackalloc byte[ParamsSize];
        if (!c.Failed)
        {
            if (c.Memory.Read(c.Arg(1), p) < ParamsSize) w.Raw(", ???"u8);
            else
            {
                w.Field("sq_entries"u8).UInt(U32(p, 0)).Field("cq_entries"u8).UInt(U32(p, 4)).Field("features"u8);
                IoUringConstants.Features.Print(w, U32(p, 20));
                w.Field("sq_off"u8).BeginStruct().Field("head"u8).UInt(U32(p, 40)).Field("tail"u8).UInt(U32(p, 44))
                    .Field("ring_mask"u8).UInt(U32(p, 48)).Field("ring_entries"u8).UInt(U32(p, 52)).Field("flags"u8).UInt(U32(p, 56))
                    .Field("dropped"u8).UInt(U32(p, 60)).Field("array"u8).UInt(U32(p, 64)).EndStruct();
                w.Field("cq_off"u8).BeginStruct().Field("head"u8).UInt(U32(p, 80)).Field("tail"u8).UInt(U32(p, 84))
                    .Field("ring_mask"u8).UInt(U32(p, 88)).Field("ring_entries"u8).UInt(U32(p, 92)).Field("overflow"u8).UInt(U32(p, 96))
                    .Field("cqes"u8).UInt(U32(p, 100)).Field("flags"u8).UInt(U32(p, 104)).EndStruct();
            }
        }
        w.EndStruct();
    }

    private static void FdArray(ref DecodeContext c, ulong addr, uint count) =>
        Printers.Array(ref c, addr, count, static (ref DecodeContext c, in int fd) => Args.FdValue(ref c, fd, c.Out));

    private static uint U32(ReadOnlySpan<byte> p, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(p[offset..]);
}

using System.Buffers.Binary;
using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>io_uring_setup (struct io_uring_params: inputs at entry, what the kernel filled in at
/// exit), io_uring_enter, and io_uring_register (<see cref="IoUringRegister"/>).</summary>
internal static class IoUringDecoders
{
    private const int ParamsSize = 120, IORING_SETUP_ATTACH_WQ = 0x20;

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
        d[Sys.io_uring_register] = new FuncDecoder(IoUringRegister.Entry, IoUringRegister.Exit, exitArgs: false);
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
        w.Field("sq_thread_cpu"u8).Hex(U32(p, 12)).Field("sq_thread_idle"u8).UInt(U32(p, 16));
        if ((flags & IORING_SETUP_ATTACH_WQ) != 0)
        {
            w.Field("wq_fd"u8);
            Args.FdValue(ref c, (int)U32(p, 24), w);
        }
        if (U32(p, 28) != 0 || U32(p, 32) != 0 || U32(p, 36) != 0)
            w.Field("resv"u8).BeginArray().Element().Hex(U32(p, 28)).Element().Hex(U32(p, 32)).Element().Hex(U32(p, 36)).EndArray();
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
                    .Field("dropped"u8).UInt(U32(p, 60)).Field("array"u8).UInt(U32(p, 64));
                Reserved(w, p, 68);
                w.Field("cq_off"u8).BeginStruct().Field("head"u8).UInt(U32(p, 80)).Field("tail"u8).UInt(U32(p, 84))
                    .Field("ring_mask"u8).UInt(U32(p, 88)).Field("ring_entries"u8).UInt(U32(p, 92)).Field("overflow"u8).UInt(U32(p, 96))
                    .Field("cqes"u8).UInt(U32(p, 100)).Field("flags"u8).UInt(U32(p, 104));
                Reserved(w, p, 108);
            }
        }
        w.EndStruct();
    }

    /// <summary>An offsets structure's resv1 (u32) and resv2 (u64 at the next 8-byte boundary), when
    /// set, and its end.</summary>
    private static void Reserved(ArgWriter w, ReadOnlySpan<byte> p, int at)
    {
        if (U32(p, at) != 0) w.Field("resv1"u8).Hex(U32(p, at));
        ulong resv2 = BinaryPrimitives.ReadUInt64LittleEndian(p[(at + 4)..]);
        if (resv2 != 0) w.Field("resv2"u8).Hex(resv2);
        w.EndStruct();
    }

    private static uint U32(ReadOnlySpan<byte> p, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(p[offset..]);
}

using Syscope.Decoding.Constants;
using Syscope.Kernel.Abi;

namespace Syscope.Decoding.Families;

/// <summary>
/// io_uring_register(2): the argument each opcode takes, as strace 6.1 prints it (opcodes it does
/// not know print the address).  A probe the caller zero-filled prints only at exit, what the
/// kernel filled in; one the caller filled prints at entry, then again after " => ".  The
/// io-wq worker limits print at entry and, after " => ", as the kernel left them.
/// </summary>
internal static unsafe class IoUringRegister
{
    private const uint BUFFERS = 0, FILES = 2, EVENTFD = 4, FILES_UPDATE = 6, EVENTFD_ASYNC = 7, PROBE = 8, RESTRICTIONS = 0xb,
        FILES2 = 0xd, FILES_UPDATE2 = 0xe, BUFFERS2 = 0xf, BUFFERS_UPDATE = 0x10, IOWQ_AFF = 0x11, IOWQ_MAX_WORKERS = 0x13,
        RING_FDS = 0x14, UNREGISTER_RING_FDS = 0x15, PBUF_RING = 0x16, UNREGISTER_PBUF_RING = 0x17;
    private const int ProbeMaxOps = 256, RsrcSize = 32;
    private const int RESTRICTION_REGISTER_OP = 0, RESTRICTION_SQE_OP = 1, RESTRICTION_SQE_FLAGS_ALLOWED = 2, RESTRICTION_SQE_FLAGS_REQUIRED = 3;
    /// <summary>Scratch.A: what the exit half prints.</summary>
    private const int NothingAtExit = 0, ArgumentAtExit = 1, AgainAtExit = 2;

    public static void Entry(ref DecodeContext c)
    {
        Args.Fd(ref c, 0);
        Args.Value(ref c, 1, IoUringConstants.RegisterOps);
        c.Scratch.A = NothingAtExit;
        uint op = (uint)c.Arg(1), n = (uint)c.Arg(3);
        ulong arg = c.Arg(2);
        if (op == PROBE && n <= ProbeMaxOps && ZeroFilledProbe(ref c, arg, n))
        {
            c.Scratch.A = ArgumentAtExit;
            c.Out.SepAhead();
            return;
        }
        var w = c.Out.Sep();
        switch (op)
        {
            case BUFFERS: IovecPrinter.Print(ref c, arg, n, -1); break;
            case FILES or EVENTFD or EVENTFD_ASYNC: Printers.Array(ref c, arg, n, static (ref DecodeContext c, in int fd) => Args.FdValue(ref c, fd, c.Out)); break;
            case FILES_UPDATE: FilesUpdate(ref c, arg, n); break;
            case PROBE:
                if (n > ProbeMaxOps) { w.Ptr(arg); break; }
                if (!Probe(ref c, arg, n, atExit: false)) break;
                c.Scratch.A = AgainAtExit;
                return;
            case RESTRICTIONS: Printers.Array(ref c, arg, n, static (ref DecodeContext c, in IoUringRestriction r) => Restriction(c.Out, r)); break;
            case FILES2 or BUFFERS2: RsrcRegister(ref c, arg, n, op); break;
            case FILES_UPDATE2 or BUFFERS_UPDATE: RsrcUpdate(ref c, arg, n, op); break;
            case IOWQ_AFF: CpuSetPrinter.Print(ref c, arg, n); break;
            case IOWQ_MAX_WORKERS:
                if (!MaxWorkers(ref c, arg, n)) break;
                w.Raw(" => "u8);
                c.Scratch.A = AgainAtExit;
                return;
            case RING_FDS: Printers.Array(ref c, arg, n, static (ref DecodeContext c, in IoUringRsrcUpdate u) => RingFd(ref c, u)); break;
            case UNREGISTER_RING_FDS: Printers.Array(ref c, arg, n, static (ref DecodeContext c, in IoUringRsrcUpdate u) => RingFdGone(c.Out, u)); break;
            case PBUF_RING or UNREGISTER_PBUF_RING: BufReg(ref c, arg); break;
            default: w.Ptr(arg); break;
        }
        Args.UInt(ref c, 3);
    }

    public static void Exit(ref DecodeContext c)
    {
        if (c.Scratch.A == NothingAtExit) return;
        uint op = (uint)c.Arg(1), n = (uint)c.Arg(3);
        ulong arg = c.Arg(2);
        if (op == PROBE)
        {
            if (c.Scratch.A == ArgumentAtExit)
            {
                c.Out.Sep();
                if (c.Failed) c.Out.Ptr(arg); else Probe(ref c, arg, n, atExit: true);
            }
            else if (!c.Failed)
            {
                c.Out.Raw(" => "u8);
                Probe(ref c, arg, n, atExit: true);
            }
        }
        // What a failed call left is not read: the address, as strace prints it.
        else if (c.Failed) c.Out.Ptr(arg);
        else MaxWorkers(ref c, arg, n);
        Args.UInt(ref c, 3);
    }

    private static bool ZeroFilledProbe(ref DecodeContext c, ulong addr, uint n)
    {
        Span<byte> probe = stackalloc byte[sizeof(IoUringProbe) + ProbeMaxOps * sizeof(IoUringProbeOp)];
        probe = probe[..(sizeof(IoUringProbe) + (int)n * sizeof(IoUringProbeOp))];
        return Printers.ReadStruct(ref c, addr, probe) == probe.Length && !probe.ContainsAnyExcept((byte)0);
    }

    /// <summary>The probe with n ops (at exit no more than the kernel filled, "..." when it had
    /// more); false when it printed as its address.</summary>
    private static bool Probe(ref DecodeContext c, ulong addr, uint n, bool atExit)
    {
        int size = sizeof(IoUringProbe) + (int)n * sizeof(IoUringProbeOp);
        Span<byte> bytes = stackalloc byte[sizeof(IoUringProbe) + ProbeMaxOps * sizeof(IoUringProbeOp)];
        bytes = bytes[..size];
        if (addr == 0 || Printers.ReadStruct(ref c, addr, bytes) < size) { c.Out.Ptr(addr); return false; }
        var p = System.Runtime.InteropServices.MemoryMarshal.Read<IoUringProbe>(bytes);
        var w = c.Out;
        w.BeginStruct().Field("last_op"u8);
        IoUringConstants.Ops.PrintUnsigned(w, p.LastOp);
        w.Field("ops_len"u8).UInt(p.OpsLen);
        if (p.Resv != 0) w.Field("resv"u8).Hex(p.Resv);
        if (p.Resv2[0] != 0 || p.Resv2[1] != 0 || p.Resv2[2] != 0) HexWords(w.Field("resv2"u8), p.Resv2[0], p.Resv2[1], p.Resv2[2]);
        w.Field("ops"u8).BeginArray();
        uint count = atExit ? Math.Min(p.OpsLen, n) : n;
        var ops = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, IoUringProbeOp>(bytes[sizeof(IoUringProbe)..]);
        for (int i = 0; i < count; i++)
        {
            if (i >= Printers.MaxElements(ref c)) { w.Elided().Raw("..."u8); count = 0; break; }
            ProbeOp(w.Element(), ops[i]);
        }
        // The kernel had more ops than the caller made room for.
        if (atExit && n < p.OpsLen && count > 0 || atExit && n < p.OpsLen && n == 0) w.Elided().Raw("..."u8);
        w.EndArray().EndStruct();
        return true;
    }

    private static void ProbeOp(ArgWriter w, in IoUringProbeOp op)
    {
        w.BeginStruct().Field("op"u8);
        IoUringConstants.Ops.PrintUnsigned(w, op.Op);
        if (op.Resv != 0) w.Field("resv"u8).Hex(op.Resv);
        w.Field("flags"u8);
        IoUringConstants.OpFlags.Print(w, op.Flags);
        if (op.Resv2 != 0) w.Field("resv2"u8).Hex(op.Resv2);
        w.EndStruct();
    }

    private static void HexWords(ArgWriter w, uint a, uint b, uint c) =>
        w.BeginArray().Element().Hex(a).Element().Hex(b).Element().Hex(c).EndArray();

    private static void FilesUpdate(ref DecodeContext c, ulong addr, uint n)
    {
        if (!Printers.TryRead(ref c, addr, out IoUringFilesUpdate u)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("offset"u8).UInt(u.Offset);
        if (u.Resv != 0) w.Field("resv"u8).Hex(u.Resv);
        w.Field("fds"u8);
        UpdatedFds(ref c, u.Fds, n);
        w.EndStruct();
    }

    /// <summary>Descriptors to put in the table; -2 (IORING_REGISTER_FILES_SKIP) leaves a slot as it is.</summary>
    private static void UpdatedFds(ref DecodeContext c, ulong addr, uint n) =>
        Printers.Array(ref c, addr, n, static (ref DecodeContext c, in int fd) =>
        {
            if (fd < -1) IoUringConstants.FilesUpdateFds.PrintDecimal(c.Out, (ulong)(long)fd);
            else Args.FdValue(ref c, fd, c.Out);
        });

    private static void Restriction(ArgWriter w, in IoUringRestriction r)
    {
        w.BeginStruct().Field("opcode"u8);
        IoUringConstants.RestrictionOps.Print(w, r.Opcode);
        switch (r.Opcode)
        {
            case RESTRICTION_REGISTER_OP: w.Field("register_op"u8); IoUringConstants.RegisterOps.Print(w, r.Value); break;
            case RESTRICTION_SQE_OP: w.Field("sqe_op"u8); IoUringConstants.Ops.Print(w, r.Value); break;
            case RESTRICTION_SQE_FLAGS_ALLOWED or RESTRICTION_SQE_FLAGS_REQUIRED: w.Field("sqe_flags"u8); IoUringConstants.SqeFlags.Print(w, r.Value); break;
            default: w.Raw(" /* op: "u8).Hex(r.Value).Raw(" */"u8); break;
        }
        if (r.Resv != 0) w.Field("resv"u8).Hex(r.Resv);
        var copy = r;
        if (copy.Resv2[0] != 0 || copy.Resv2[1] != 0 || copy.Resv2[2] != 0) HexWords(w.Field("resv2"u8), copy.Resv2[0], copy.Resv2[1], copy.Resv2[2]);
        w.EndStruct();
    }

    private static void RsrcRegister(ref DecodeContext c, ulong addr, uint size, uint op)
    {
        if (size < RsrcSize || !Printers.TryRead(ref c, addr, out IoUringRsrcRegister r)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("nr"u8).UInt(r.Nr).Field("flags"u8);
        IoUringConstants.RsrcRegisterFlags.Print(w, r.Flags);
        if (r.Resv2 != 0) w.Field("resv2"u8).Hex(r.Resv2);
        RsrcData(ref c, r.Data, r.Nr, op);
        Tags(ref c, r.Tags, r.Nr);
        if (size > RsrcSize) Printers.StructTail(ref c, addr, RsrcSize, size);
        w.EndStruct();
    }

    private static void RsrcUpdate(ref DecodeContext c, ulong addr, uint size, uint op)
    {
        if (size < RsrcSize || !Printers.TryRead(ref c, addr, out IoUringRsrcUpdate2 u)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("offset"u8).UInt(u.Offset);
        if (u.Resv != 0) w.Field("resv"u8).Hex(u.Resv);
        RsrcData(ref c, u.Data, u.Nr, op);
        Tags(ref c, u.Tags, u.Nr);
        w.Field("nr"u8).UInt(u.Nr);
        if (u.Resv2 != 0) w.Field("resv2"u8).Hex(u.Resv2);
        if (size > RsrcSize) Printers.StructTail(ref c, addr, RsrcSize, size);
        w.EndStruct();
    }

    /// <summary>The descriptors or buffers to register or update.</summary>
    private static void RsrcData(ref DecodeContext c, ulong data, uint nr, uint op)
    {
        c.Out.Field("data"u8);
        switch (op)
        {
            case FILES2: Printers.Array(ref c, data, nr, static (ref DecodeContext c, in int fd) => Args.FdValue(ref c, fd, c.Out)); break;
            case FILES_UPDATE2: UpdatedFds(ref c, data, nr); break;
            default: IovecPrinter.Print(ref c, data, nr, -1); break;
        }
    }

    private static void Tags(ref DecodeContext c, ulong tags, uint nr)
    {
        c.Out.Field("tags"u8);
        Printers.Array(ref c, tags, nr, static (ref DecodeContext c, in ulong tag) => c.Out.Hex(tag));
    }

    /// <summary>The io-wq worker limits, indexed by worker class; false when it printed as its
    /// address or stopped where memory ended.</summary>
    private static bool MaxWorkers(ref DecodeContext c, ulong addr, uint n)
    {
        var w = c.Out;
        if (addr == 0) { w.Ptr(0); return false; }
        if (n == 0) { w.BeginArray().EndArray(); return false; }
        if (!Printers.TryRead(ref c, addr, out uint first)) { w.Hex(addr); return false; }
        w.BeginDesignated();
        for (uint i = 0; i < n; i++)
        {
            uint value = first;
            ulong at = addr + i * 4;
            if (i > 0 && !Printers.TryRead(ref c, at, out value)) { w.Elided().Raw("... /* "u8).Hex(at).Raw(" */"u8); w.EndDesignated(); return false; }
            if (i >= Printers.MaxElements(ref c)) { w.Elided().Raw("..."u8); w.EndDesignated(); return false; }
            int designator = w.DesignatorStart();
            IoUringConstants.IowqClasses.PrintUnsigned(w, i);
            w.DesignatorEnd(designator).UInt(value);
        }
        w.EndDesignated();
        return true;
    }

    private static void RingFd(ref DecodeContext c, in IoUringRsrcUpdate u)
    {
        var w = c.Out;
        // -1 asks for the first free slot.
        w.BeginStruct().Field("offset"u8);
        if (u.Offset == uint.MaxValue) w.Int(-1); else w.UInt(u.Offset);
        if (u.Resv != 0) w.Field("resv"u8).Hex(u.Resv);
        w.Field("data"u8);
        Args.FdValue(ref c, (int)u.Data, w);
        w.EndStruct();
    }

    private static void RingFdGone(ArgWriter w, in IoUringRsrcUpdate u)
    {
        w.BeginStruct().Field("offset"u8).UInt(u.Offset);
        if (u.Resv != 0) w.Field("resv"u8).Hex(u.Resv);
        if (u.Data != 0) w.Field("data"u8).Hex(u.Data);
        w.EndStruct();
    }

    private static void BufReg(ref DecodeContext c, ulong addr)
    {
        if (!Printers.TryRead(ref c, addr, out IoUringBufReg b)) { c.Out.Ptr(addr); return; }
        var w = c.Out;
        w.BeginStruct().Field("ring_addr"u8).Ptr(b.RingAddr).Field("ring_entries"u8).UInt(b.RingEntries).Field("bgid"u8).UInt(b.Bgid);
        if (b.Pad != 0) w.Field("pad"u8).Hex(b.Pad);
        if (b.Resv[0] != 0 || b.Resv[1] != 0 || b.Resv[2] != 0)
            w.Field("resv"u8).BeginArray().Element().Hex(b.Resv[0]).Element().Hex(b.Resv[1]).Element().Hex(b.Resv[2]).EndArray();
        w.EndStruct();
    }
}

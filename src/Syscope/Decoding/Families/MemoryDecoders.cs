using Syscope.Decoding.Constants;
using Syscope.Syscalls;

namespace Syscope.Decoding.Families;

/// <summary>Address-space calls: brk, mmap, mprotect, munmap, mremap, madvise, msync, mlock.</summary>
internal static class MemoryDecoders
{
    public static void Register(DecoderTable d)
    {
        d[Sys.brk] = new FuncDecoder((ref DecodeContext c) => Args.Ptr(ref c, 0));
        d[Sys.mmap] = new FuncDecoder(MmapEntry);
        d[Sys.munmap] = new FuncDecoder(AddrLen);
        d[Sys.mprotect] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Flags(ref c, 2, MemoryConstants.Prot); });
        d[Sys.pkey_mprotect] = new FuncDecoder((ref DecodeContext c) =>
        {
            AddrLen(ref c);
            // prot is an unsigned long here, all 64 bits of it shown.
            MemoryConstants.Prot.Print(c.Out.Sep(), c.Arg(2));
            Args.Int(ref c, 3);
        });
        d[Sys.pkey_alloc] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Hex(ref c, 0);
            MemoryConstants.PkeyAccessRights.Print(c.Out.Sep(), c.Arg(1));
        });
        d[Sys.madvise] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Value(ref c, 2, MemoryConstants.Madvise); });
        d[Sys.msync] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Flags(ref c, 2, MemoryConstants.Msync); });
        d[Sys.mlock] = d[Sys.munmap];
        d[Sys.munlock] = d[Sys.munmap];
        d[Sys.mlockall] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, MemoryConstants.Mlockall));
        d[Sys.mremap] = new FuncDecoder((ref DecodeContext c) =>
        {
            AddrLen(ref c);
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, MemoryConstants.Mremap);
            // The new address means something only with MREMAP_FIXED, and only then does strace show it.
            if ((c.Arg(3) & 2) != 0) Args.Ptr(ref c, 4);
        });
        d[Sys.mincore] = new FuncDecoder(AddrLen, MincoreExit);
        d[Sys.mlock2] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Flags(ref c, 2, MemoryConstants.Mlock2); });
        d[Sys.remap_file_pages] = new FuncDecoder((ref DecodeContext c) =>
        {
            AddrLen(ref c);
            // The kernel takes prot as a whole unsigned long here (it must be 0), so strace prints all 64 bits.
            c.Out.Sep();
            MemoryConstants.Prot.Print(c.Out, c.Arg(2));
            Args.ULong(ref c, 3);
            c.Out.Sep();
            MapFlags(c.Out, c.Arg(4));
        });
        d[Sys.process_madvise] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Fd(ref c, 0);
            c.Out.Sep();
            IovecPrinter.Print(ref c, c.Arg(1), c.Arg(2), -1);
            Args.ULong(ref c, 2);
            Args.Value(ref c, 3, MemoryConstants.Madvise);
            // flags is an unsigned int: the register's upper half is not the caller's.
            c.Out.Sep().Hex((uint)c.Arg(4));
        });
        // The remote vectors live in the other process: only their addresses and lengths print.
        d[Sys.process_vm_readv] = new FuncDecoder((ref DecodeContext c) => Args.Pid(ref c, 0), (ref DecodeContext c) =>
        {
            c.Out.Sep();
            IovecPrinter.Print(ref c, c.Arg(1), c.Arg(2), c.Failed ? -1 : c.ReturnValue);
            ProcessVmTail(ref c);
        });
        d[Sys.process_vm_writev] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Pid(ref c, 0);
            c.Out.Sep();
            IovecPrinter.Print(ref c, c.Arg(1), c.Arg(2), long.MaxValue);
            ProcessVmTail(ref c);
        });
        d[Sys.set_mempolicy_home_node] = new FuncDecoder((ref DecodeContext c) =>
        {
            AddrLen(ref c);
            Args.ULong(ref c, 2);
            Args.Hex(ref c, 3);
        });
        d[Sys.membarrier] = new FuncDecoder((ref DecodeContext c) =>
        {
            Args.Value(ref c, 0, MemoryConstants.MembarrierCmd);
            Args.Flags(ref c, 1, MemoryConstants.MembarrierFlags);
            if ((c.Arg(1) & MemoryConstants.MembarrierFlagCpu) != 0) Args.Int(ref c, 2);
        }, MembarrierExit, exitArgs: false);
    }

    /// <summary>One byte per page of the range, printed as numbers once the kernel has filled them.</summary>
    private static void MincoreExit(ref DecodeContext c)
    {
        c.Out.Sep();
        ulong vec = c.Arg(2);
        if (c.Failed || vec == 0) { c.Out.Ptr(vec); return; }
        ulong pages = (c.Arg(1) + 4095) / 4096;
        Span<byte> chunk = stackalloc byte[64];
        int max = Printers.MaxElements(ref c);
        if (Printers.ReadStruct(ref c, vec, chunk[..1]) != 1) { c.Out.Hex(vec); return; }
        c.Out.BeginArray();
        for (ulong i = 0; i < pages; i += (ulong)chunk.Length)
        {
            int n = (int)Math.Min((ulong)chunk.Length, pages - i);
            int got = Printers.ReadStruct(ref c, vec + i, chunk[..n]);
            for (int k = 0; k < n; k++)
            {
                if (i + (ulong)k >= (ulong)max) { c.Out.Elided().Raw("..."u8).EndArray(); return; }
                if (k >= got) { c.Out.Elided().Raw("... /* "u8).Hex(vec + i + (ulong)k).Raw(" */"u8).EndArray(); return; }
                c.Out.Element().UInt(chunk[k]);
            }
        }
        c.Out.EndArray();
    }

    /// <summary>MEMBARRIER_CMD_QUERY returns the supported commands as a mask.</summary>
    private static void MembarrierExit(ref DecodeContext c)
    {
        if (c.Arg(0) != 0 || c.Failed) return;
        c.ReturnFormat = ReturnFormat.Hex;
        if (c.ReturnValue != 0) MemoryConstants.MembarrierCmdMask.Print(c.Aux, (ulong)c.ReturnValue);
    }

    /// <summary>process_vm_readv/writev after the local vector: its count, the remote vector, its count, the flags.</summary>
    private static void ProcessVmTail(ref DecodeContext c)
    {
        Args.ULong(ref c, 2);
        c.Out.Sep();
        IovecPrinter.Print(ref c, c.Arg(3), c.Arg(4), -1);
        Args.ULong(ref c, 4);
        Args.ULong(ref c, 5);
    }

    private static void AddrLen(ref DecodeContext c)
    {
        Args.Ptr(ref c, 0);
        Args.ULong(ref c, 1);
    }

    private static void MmapEntry(ref DecodeContext c)
    {
        AddrLen(ref c);
        Args.Flags(ref c, 2, MemoryConstants.Prot);
        c.Out.Sep();
        MapFlags(c.Out, c.Arg(3));
        Args.Fd(ref c, 4);
        Args.Hex(ref c, 5);
    }

    /// <summary>The mapping type by name, then the flags, then the huge page size as
    /// "N&lt;&lt;MAP_HUGE_SHIFT".</summary>
    private static void MapFlags(ArgWriter w, ulong flags)
    {
        flags = (uint)flags;
        var mark = w.BeginConst();
        MemoryConstants.MapType.Print(w, flags & MemoryConstants.MapTypeMask);
        ulong rest = flags & ~MemoryConstants.MapTypeMask & ((1UL << MemoryConstants.MapHugeShift) - 1);
        MemoryConstants.MapFlags.Print(w, rest, after: true);
        ulong huge = flags >> MemoryConstants.MapHugeShift;
        if (huge != 0) w.Raw((byte)'|').UInt(huge).Raw("<<MAP_HUGE_SHIFT"u8);
        w.EndConst(mark, flags);
    }
}

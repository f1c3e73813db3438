using Syscope.Decoding.Constants;

namespace Syscope.Decoding.Families;

/// <summary>Address-space calls: brk, mmap, mprotect, munmap, mremap, madvise, msync, mlock.</summary>
internal static class MemoryDecoders
{
    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
        d["brk"] = new FuncDecoder((ref DecodeContext c) => Args.Ptr(ref c, 0), null, ReturnFormat.Hex);
        d["mmap"] = new FuncDecoder(MmapEntry, null, ReturnFormat.Hex);
        d["munmap"] = new FuncDecoder(AddrLen);
        d["mprotect"] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Flags(ref c, 2, MemoryConstants.Prot); });
        d["pkey_mprotect"] = new FuncDecoder((ref DecodeContext c) =>
        {
            AddrLen(ref c);
            Args.Flags(ref c, 2, MemoryConstants.Prot);
            Args.Int(ref c, 3);
        });
        d["madvise"] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Value(ref c, 2, MemoryConstants.Madvise); });
        d["msync"] = new FuncDecoder((ref DecodeContext c) => { AddrLen(ref c); Args.Flags(ref c, 2, MemoryConstants.Msync); });
        d["mlock"] = d["munmap"];
        d["munlock"] = d["munmap"];
        d["mlockall"] = new FuncDecoder((ref DecodeContext c) => Args.Flags(ref c, 0, MemoryConstants.Mlockall));
        d["mremap"] = new FuncDecoder((ref DecodeContext c) =>
        {
            AddrLen(ref c);
            Args.ULong(ref c, 2);
            Args.Flags(ref c, 3, MemoryConstants.Mremap);
            Args.Ptr(ref c, 4);
        }, null, ReturnFormat.Hex);
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

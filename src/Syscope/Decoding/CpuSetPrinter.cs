namespace Syscope.Decoding;

/// <summary>CPU affinity masks (sched_setaffinity, sched_getaffinity, io_uring's
/// IORING_REGISTER_IOWQ_AFF): the numbers of the CPUs set, "[0 1 3]", as strace prints them.</summary>
internal static class CpuSetPrinter
{
    /// <summary>strace reads no more of a mask than the smallest size the kernel accepts, 128 bytes
    /// (1024 CPUs) on any machine with fewer CPUs than that, and marks the rest "...".</summary>
    private const int MaxBytes = 128;

    /// <summary>bytes: the mask's length in bytes.  The address when it is NULL, cannot be read, or
    /// the call is not in -e verbose=.</summary>
    public static void Print(ref DecodeContext c, ulong addr, ulong bytes)
    {
        if (addr == 0 || c.AddressesOnly) { c.Out.Ptr(addr); return; }
        if (bytes == 0) { c.Out.BeginArray().EndArray(); return; }
        Span<byte> mask = stackalloc byte[MaxBytes];
        int n = (int)Math.Min(bytes, MaxBytes);
        if (Printers.ReadStruct(ref c, addr, mask[..n]) < n) { c.Out.Hex(addr); return; }
        c.Out.BeginArray();
        for (int i = 0; i < n * 8; i++)
            if ((mask[i >> 3] & (1 << (i & 7))) != 0) c.Out.Element(" "u8).Int(i);
        // What was read, rounded up to whole words, is less than the caller's length.
        if ((ulong)((n + 7) & ~7) < bytes) c.Out.Elided(" "u8).Raw("..."u8);
        c.Out.EndArray();
    }
}

namespace Syscope.Decoding.Families;

/// <summary>Address-space calls: brk, mmap, mprotect, munmap.</summary>
internal static class MemoryDecoders
{
    public static void Register(Dictionary<string, SyscallDecoder> d)
    {
        d["brk"] = new FuncDecoder((ref DecodeContext c) => c.Out.Sep().Ptr(c.Arg(0)), null, ReturnFormat.Hex);
    }
}

using Syscope.Events;

namespace Syscope.Bench;

/// <summary>A tracee address space of a few fixed regions, standing in for process_vm_readv so the
/// benchmark measures decoding and formatting only.</summary>
internal sealed class BenchMemory : ITraceeMemory
{
    private readonly (ulong Addr, byte[] Data)[] _regions;

    public BenchMemory(params (ulong, byte[])[] regions) => _regions = regions;

    public int Read(ulong address, Span<byte> destination)
    {
        foreach (var (addr, data) in _regions)
        {
            if (address < addr || address >= addr + (ulong)data.Length) continue;
            int off = (int)(address - addr);
            int n = Math.Min(destination.Length, data.Length - off);
            data.AsSpan(off, n).CopyTo(destination);
            return n;
        }
        return 0;
    }
}

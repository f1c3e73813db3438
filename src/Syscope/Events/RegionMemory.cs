namespace Syscope.Events;

/// <summary>
/// Tracee memory served from copies of a few address ranges: what a backend that captures bytes
/// in the kernel can hand to decoders, and the stand-in tests and benchmarks use.  Addresses
/// outside every range read as unmapped; a read stops at its range's end.
/// </summary>
public class RegionMemory : ITraceeMemory
{
    private readonly List<(ulong Addr, byte[] Data)> _regions = [];

    public ulong Add(ulong addr, byte[] data)
    {
        _regions.Add((addr, data));
        return addr;
    }

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

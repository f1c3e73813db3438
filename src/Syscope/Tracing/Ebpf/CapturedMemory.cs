using Syscope.Events;

namespace Syscope.Tracing.Ebpf;

/// <summary>
/// One thread's call as the BPF programs copied it: the regions captured at entry, then those
/// captured at exit (which win where both cover an address: the kernel wrote them last).  Served to
/// decoders as the tracee's memory; an address outside every region reads as unmapped, so a
/// decoder prints the address, as strace does for memory it cannot read, never stale bytes.  The
/// bytes live in one arena reused call after call: nothing is allocated per event once it has
/// grown to the largest call.
/// </summary>
public sealed class CapturedMemory : ITraceeMemory
{
    private struct Region
    {
        public ulong Address;
        public int Offset;
        public int Length;
    }

    private byte[] _arena = new byte[1024];
    private int _used;
    private Region[] _regions = new Region[8];
    private int _count;

    /// <summary>Forgets every region (a new call begins).</summary>
    public void Clear()
    {
        _used = 0;
        _count = 0;
    }

    public void Add(ulong address, ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return;
        if (_used + bytes.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + bytes.Length));
        if (_count == _regions.Length) Array.Resize(ref _regions, _count * 2);
        bytes.CopyTo(_arena.AsSpan(_used));
        _regions[_count++] = new Region { Address = address, Offset = _used, Length = bytes.Length };
        _used += bytes.Length;
    }

    public int Read(ulong address, Span<byte> destination)
    {
        int done = 0;
        while (done < destination.Length)
        {
            int n = ReadOne(address + (ulong)done, destination[done..]);
            if (n == 0) break;
            done += n;
        }
        return done;
    }

    /// <summary>From the latest region that holds address, up to where a later region begins (the
    /// read goes on there).</summary>
    private int ReadOne(ulong address, Span<byte> destination)
    {
        for (int i = _count - 1; i >= 0; i--)
        {
            ref readonly var r = ref _regions[i];
            if (address < r.Address || address - r.Address >= (ulong)r.Length) continue;
            int skip = (int)(address - r.Address);
            int n = Math.Min(destination.Length, r.Length - skip);
            for (int j = i + 1; j < _count; j++)
                if (_regions[j].Address > address && _regions[j].Address - address < (ulong)n) n = (int)(_regions[j].Address - address);
            _arena.AsSpan(r.Offset + skip, n).CopyTo(destination);
            return n;
        }
        return 0;
    }
}

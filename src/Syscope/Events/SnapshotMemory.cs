namespace Syscope.Events;

/// <summary>
/// Tracee memory served from copies of some of its address ranges, taken at the moment of a call:
/// what a backend that captures bytes in the kernel hands to decoders, what a recorded trace
/// replays, and the stand-in tests and benchmarks use.  The bytes live in one arena and the
/// ranges in an index sorted by address, found by binary search; both are reused after
/// <see cref="Clear"/>, so nothing is allocated per event once they have grown to the largest
/// call.  Where a later copy covers an earlier one it wins (bytes captured at exit replace those
/// captured at entry).  A read runs on across ranges that touch and stops where the copies stop;
/// an address outside every range reads as unmapped, so decoders print the address as strace does
/// for memory it cannot read, never stale bytes.  Where the tracee's own memory ended (a page the
/// live read faulted on) is held too: a read that stops there is a fault, as it was live, while
/// one that stops where the copies stop is only the end of what was kept.
/// </summary>
internal sealed class SnapshotMemory : ITraceeMemory
{
    private struct Region
    {
        public ulong Address;
        public int Offset;
        public int Length;

        public readonly bool Holds(ulong address) => address >= Address && address - Address < (ulong)Length;
    }

    private byte[] _arena = new byte[1024];
    private int _used;
    private Region[] _regions = new Region[8];
    private int _count;
    private ulong[] _ends = new ulong[4];
    private int _endCount;
    private bool _stoppedAtEnd;

    /// <summary>Whether the last read stopped where the tracee's memory ended (see <see cref="AddEnd"/>).</summary>
    public bool ShortReadIsFault => _stoppedAtEnd;

    /// <summary>The addresses where the tracee's memory was found to end (for writing a snapshot out).</summary>
    public int EndCount => _endCount;
    public ulong EndAddress(int i) => _ends[i];

    /// <summary>The ranges held, in address order (for writing a snapshot out).</summary>
    public int RegionCount => _count;
    public ulong RegionAddress(int i) => _regions[i].Address;
    public ReadOnlySpan<byte> RegionBytes(int i) => _arena.AsSpan(_regions[i].Offset, _regions[i].Length);

    /// <summary>Forgets every range (the next call begins).</summary>
    public void Clear()
    {
        _used = 0;
        _count = 0;
        _endCount = 0;
        _stoppedAtEnd = false;
    }

    /// <summary>The tracee's memory ends at address: a live read stopped there short.</summary>
    public void AddEnd(ulong address)
    {
        if (_ends.AsSpan(0, _endCount).Contains(address)) return;
        if (_endCount == _ends.Length) Array.Resize(ref _ends, _endCount * 2);
        _ends[_endCount++] = address;
    }

    /// <summary>Holds a copy of bytes as found at address; returns address.</summary>
    public ulong Add(ulong address, ReadOnlySpan<byte> bytes)
    {
        // Nothing past the top of the address space.
        ulong room = ulong.MaxValue - address;
        if ((ulong)bytes.Length > room) bytes = bytes[..(int)Math.Min(room, int.MaxValue)];
        ulong pos = address;
        int done = 0, i = FirstHoldingOrAfter(address);
        while (done < bytes.Length)
        {
            if (i == _count || _regions[i].Address > pos)
            {
                // A gap up to the next range held (or to the end of the new bytes).
                int gap = bytes.Length - done;
                if (i < _count) gap = (int)Math.Min((ulong)gap, _regions[i].Address - pos);
                Insert(i, pos, bytes.Slice(done, gap));
                done += gap;
                pos += (ulong)gap;
                i++;
                continue;
            }
            // Range i holds pos: the new bytes replace what it holds of them.
            ref var r = ref _regions[i];
            int skip = (int)(pos - r.Address);
            int n = Math.Min(r.Length - skip, bytes.Length - done);
            bytes.Slice(done, n).CopyTo(_arena.AsSpan(r.Offset + skip));
            done += n;
            pos += (ulong)n;
            i++;
        }
        return address;
    }

    public int Read(ulong address, Span<byte> destination)
    {
        int done = ReadHeld(address, destination);
        _stoppedAtEnd = done < destination.Length && _ends.AsSpan(0, _endCount).Contains(address + (ulong)done);
        return done;
    }

    private int ReadHeld(ulong address, Span<byte> destination)
    {
        int i = LastStartingAtOrBefore(address);
        if (i < 0 || !_regions[i].Holds(address)) return 0;
        int done = 0;
        while (done < destination.Length && i < _count)
        {
            ref readonly var r = ref _regions[i];
            ulong at = address + (ulong)done;
            if (!r.Holds(at)) break;
            int skip = (int)(at - r.Address);
            int n = Math.Min(destination.Length - done, r.Length - skip);
            _arena.AsSpan(r.Offset + skip, n).CopyTo(destination[done..]);
            done += n;
            i++;
        }
        return done;
    }

    /// <summary>The index of the last range starting at or before address, or -1.</summary>
    private int LastStartingAtOrBefore(ulong address)
    {
        int lo = 0, hi = _count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_regions[mid].Address <= address) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>The index of the first range holding address or lying after it.</summary>
    private int FirstHoldingOrAfter(ulong address)
    {
        int i = LastStartingAtOrBefore(address);
        return i >= 0 && _regions[i].Holds(address) ? i : i + 1;
    }

    /// <summary>Adds a range at index i of the sorted index.</summary>
    private void Insert(int i, ulong address, ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _arena.Length) Array.Resize(ref _arena, Math.Max(_arena.Length * 2, _used + bytes.Length));
        if (_count == _regions.Length) Array.Resize(ref _regions, _count * 2);
        bytes.CopyTo(_arena.AsSpan(_used));
        Array.Copy(_regions, i, _regions, i + 1, _count - i);
        _regions[i] = new Region { Address = address, Offset = _used, Length = bytes.Length };
        _used += bytes.Length;
        _count++;
    }
}

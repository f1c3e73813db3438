using System.Buffers.Binary;
using Syscope.Stacks.Elf;

namespace Syscope.Stacks.Dwarf;

/// <summary>
/// Finds the FDE covering an address of one module: by binary search in .eh_frame_hdr's sorted
/// table when the module has one (nothing is parsed ahead), else through an index of .eh_frame
/// and .debug_frame built on first use.  Built once per module and kept with it.
/// </summary>
internal sealed class FrameTable
{
    /// <summary>DW_EH_PE_datarel | DW_EH_PE_sdata4: the table encoding every linker writes.</summary>
    private const byte DatarelSdata4 = 0x3b;

    private readonly byte[] _image;
    private readonly FrameSection? _ehFrame;
    private readonly FrameSection? _debugFrame;
    /// <summary>The .eh_frame_hdr search table: offset in the image, entry count, the header's address.</summary>
    private readonly int _tableStart, _tableCount;
    private readonly ulong _hdrAddress;
    private (ulong Begin, ulong End, int Offset, bool Debug)[]? _index;

    public FrameTable(ElfImage elf)
    {
        _image = elf.Data;
        if (elf.Section(".eh_frame") is { } eh) _ehFrame = new FrameSection(_image, eh.Offset, eh.Size, eh.Address, ehFrame: true);
        if (elf.Section(".debug_frame") is { } df) _debugFrame = new FrameSection(_image, df.Offset, df.Size, df.Address, ehFrame: false);
        if (_ehFrame != null && elf.Section(".eh_frame_hdr") is { } hdr) ReadHeader(hdr, out _tableStart, out _tableCount, out _hdrAddress);
    }

    public bool HasUnwindInfo => _ehFrame != null || _debugFrame != null;

    private void ReadHeader(ElfSection hdr, out int tableStart, out int count, out ulong address)
    {
        tableStart = count = 0;
        address = hdr.Address;
        try
        {
            var c = new DwarfCursor(_image.AsSpan(hdr.Offset, hdr.Size), hdr.Address);
            byte version = c.U8(), ptrEnc = c.U8(), countEnc = c.U8(), tableEnc = c.U8();
            if (version != 1 || countEnc == DwarfCursor.PeOmit || tableEnc != DatarelSdata4) return;
            c.Pointer(ptrEnc, hdr.Address);
            ulong n = c.Pointer(countEnc, hdr.Address);
            if (n > (ulong)(c.Length - c.Position) / 8) return;
            tableStart = hdr.Offset + c.Position;
            count = (int)n;
        }
        catch (DwarfFormatException) { count = 0; }
    }

    /// <summary>The FDE whose range holds address (a link-time address of the module).</summary>
    public bool TryFind(ulong address, out FrameDescription fde)
    {
        fde = default;
        try
        {
            if (_tableCount > 0) return FindInHeader(address, out fde);
            return FindInIndex(address, out fde);
        }
        catch (Exception e) when (e is DwarfFormatException or OverflowException) { return false; }
    }

    private bool FindInHeader(ulong address, out FrameDescription fde)
    {
        fde = default;
        var table = _image.AsSpan(_tableStart, _tableCount * 8);
        int lo = 0, hi = _tableCount - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            ulong start = _hdrAddress + (ulong)(long)BinaryPrimitives.ReadInt32LittleEndian(table[(mid * 8)..]);
            if (start <= address) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        if (found < 0) return false;
        ulong fdeAddress = _hdrAddress + (ulong)(long)BinaryPrimitives.ReadInt32LittleEndian(table[(found * 8 + 4)..]);
        ulong offset = fdeAddress - _ehFrame!.Address;
        if (offset >= (ulong)_ehFrame.Size) return false;
        return _ehFrame.TryReadFde((int)offset, out fde, out _) && address >= fde.PcBegin && address < fde.PcEnd;
    }

    private bool FindInIndex(ulong address, out FrameDescription fde)
    {
        fde = default;
        var index = _index ??= BuildIndex();
        int lo = 0, hi = index.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var e = index[mid];
            if (address < e.Begin) hi = mid - 1;
            else if (address >= e.End) lo = mid + 1;
            else return (e.Debug ? _debugFrame! : _ehFrame!).TryReadFde(e.Offset, out fde, out _);
        }
        return false;
    }

    private (ulong, ulong, int, bool)[] BuildIndex()
    {
        var all = new List<(ulong Begin, ulong End, int Offset, bool Debug)>();
        foreach (var (section, debug) in new[] { (_ehFrame, false), (_debugFrame, true) })
        {
            if (section == null) continue;
            try
            {
                for (int at = 0; at < section.Size;)
                {
                    if (section.TryReadFde(at, out var f, out int next) && f.PcEnd > f.PcBegin) all.Add((f.PcBegin, f.PcEnd, at, debug));
                    if (next <= at) break;
                    at = next;
                }
            }
            catch (Exception e) when (e is DwarfFormatException or OverflowException) { }
        }
        all.Sort((a, b) => a.Begin.CompareTo(b.Begin));
        return all.ToArray();
    }
}

namespace Syscope.Stacks.Dwarf;

/// <summary>A CIE: what the FDEs that point at it share.  Instructions are offsets into the
/// image's bytes, run by <see cref="CfaProgram"/>.  Augmented: its augmentation starts with 'z',
/// so each FDE carries an augmentation length to skip.</summary>
internal readonly record struct CommonInformation(
    ulong CodeAlign, long DataAlign, int ReturnRegister, byte PointerEncoding, bool SignalFrame, bool Augmented,
    int InstructionsStart, int InstructionsEnd);

/// <summary>An FDE: the code range it covers and its own instructions.</summary>
internal readonly record struct FrameDescription(
    ulong PcBegin, ulong PcEnd, int InstructionsStart, int InstructionsEnd, CommonInformation Cie);

/// <summary>
/// A section of call-frame records, .eh_frame or .debug_frame (the two differ in how a record
/// names its CIE and in augmentations, which only .eh_frame has).  Offsets given and returned are
/// relative to the section; instruction offsets are into the whole image.
/// </summary>
internal sealed class FrameSection(byte[] image, int start, int size, ulong address, bool ehFrame)
{
    private readonly Dictionary<int, CommonInformation> _cies = new();

    public int Size => size;
    public ulong Address => address;

    private DwarfCursor Cursor(int offset) => new(image.AsSpan(start, size), address, offset);

    /// <summary>Reads the record at offset: false for a CIE or the terminator.</summary>
    /// <param name="next">Where the following record starts.</param>
    public bool TryReadFde(int offset, out FrameDescription fde, out int next)
    {
        fde = default;
        var c = Cursor(offset);
        int end = RecordEnd(ref c, out bool wide);
        next = end;
        if (end < 0) { next = size; return false; }
        int idAt = c.Position;
        ulong id = wide ? c.U64() : c.U32();
        if (ehFrame ? id == 0 : id == (wide ? ulong.MaxValue : 0xffffffff)) return false;
        int cieOffset = ehFrame ? checked((int)((ulong)idAt - id)) : checked((int)id);
        if (!_cies.TryGetValue(cieOffset, out var cie)) _cies[cieOffset] = cie = ReadCie(cieOffset);
        byte enc = ehFrame ? cie.PointerEncoding : (byte)0;
        ulong begin = c.Pointer(enc);
        ulong range = c.Pointer((byte)(enc & 0x0f));
        if (cie.Augmented)
        {
            int skip = checked((int)c.Uleb());
            c.Position = checked(c.Position + skip);
        }
        if (c.Position > end) throw new DwarfFormatException();
        fde = new FrameDescription(begin, begin + range, start + c.Position, start + end, cie);
        return true;
    }

    /// <summary>Reads a record's length; returns where it ends, or -1 at the terminator.</summary>
    private int RecordEnd(ref DwarfCursor c, out bool wide)
    {
        ulong length = c.U32();
        wide = length == 0xffffffff;
        if (wide) length = c.U64();
        if (length == 0) return -1;
        ulong end = (ulong)c.Position + length;
        if (end > (ulong)size) throw new DwarfFormatException();
        return (int)end;
    }

    private CommonInformation ReadCie(int offset)
    {
        var c = Cursor(offset);
        int end = RecordEnd(ref c, out bool wide);
        if (end < 0) throw new DwarfFormatException();
        _ = wide ? c.U64() : c.U32();
        byte version = c.U8();
        int augStart = c.Position;
        while (c.U8() != 0) { }
        var aug = image.AsSpan(start + augStart, c.Position - augStart - 1);
        if (aug.StartsWith("eh"u8)) c.U64();
        if (version >= 4) { c.U8(); c.U8(); }
        ulong codeAlign = c.Uleb();
        long dataAlign = c.Sleb();
        int ra = version == 1 ? c.U8() : (int)c.Uleb();
        byte enc = 0;
        bool signal = false, augmented = aug.Length > 0 && aug[0] == (byte)'z';
        if (augmented)
        {
            int augLength = checked((int)c.Uleb());
            int augEnd = checked(c.Position + augLength);
            foreach (byte a in aug[1..])
            {
                if (a == 'R') enc = c.U8();
                else if (a == 'L') c.U8();
                else if (a == 'P') c.Pointer(c.U8());
                else if (a == 'S') signal = true;
            }
            c.Position = augEnd;
        }
        if (c.Position > end) throw new DwarfFormatException();
        return new CommonInformation(codeAlign, dataAlign, ra, enc, signal, augmented, start + c.Position, start + end);
    }
}
